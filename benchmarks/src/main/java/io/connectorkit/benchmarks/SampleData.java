package io.connectorkit.benchmarks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items the scenarios move, each in the two forms the two sides start from: plain JSON for the connector,
 * hand-built {@link AttributeValue}s for the baseline. Deterministic, so runs compare.
 */
final class SampleData {
    static final String ITEMS_TABLE = "bench_items";
    static final String QUERY_TABLE = "bench_query";
    static final String BATCH_TABLE = "bench_batch";
    static final int BATCH_ITEMS = 10_000;
    static final String GET_KEY = "customer-0001";
    static final String QUERY_PARTITION = "orders";
    static final int QUERY_ITEMS = 5_000;

    private SampleData() {
    }

    /** A customer record of about 600 bytes: strings, numbers, a flag, a list, a map and a list of maps. */
    static Map<String, Object> customer(String id) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", id);
        item.put("name", "Ada Lovelace");
        item.put("email", "ada@example.com");
        item.put("age", 36L);
        item.put("balance", new BigDecimal("1234.56"));
        item.put("active", true);
        item.put("note", null);
        item.put("tags", List.of("gold", "early-adopter", "newsletter"));
        item.put("address", Map.of("street", "12 St James's Square", "city", "London", "zip", "SW1Y 4JH"));
        item.put("orders", List.of(
                Map.of("sku", "A-100", "qty", 2L, "price", new BigDecimal("19.99")),
                Map.of("sku", "B-220", "qty", 1L, "price", new BigDecimal("250.00")),
                Map.of("sku", "C-310", "qty", 5L, "price", new BigDecimal("3.50"))));
        item.put("bio", "Mathematician and writer, chiefly known for work on the Analytical Engine. ".repeat(3));
        return item;
    }

    /** The same customer, built by hand the way SDK users write it. */
    static Map<String, AttributeValue> customerAttributes(String id) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("id", AttributeValue.fromS(id));
        item.put("name", AttributeValue.fromS("Ada Lovelace"));
        item.put("email", AttributeValue.fromS("ada@example.com"));
        item.put("age", AttributeValue.fromN("36"));
        item.put("balance", AttributeValue.fromN("1234.56"));
        item.put("active", AttributeValue.fromBool(true));
        item.put("note", AttributeValue.fromNul(true));
        item.put("tags", AttributeValue.fromL(List.of(AttributeValue.fromS("gold"),
                AttributeValue.fromS("early-adopter"), AttributeValue.fromS("newsletter"))));
        item.put("address", AttributeValue.fromM(Map.of("street", AttributeValue.fromS("12 St James's Square"),
                "city", AttributeValue.fromS("London"), "zip", AttributeValue.fromS("SW1Y 4JH"))));
        item.put("orders", AttributeValue.fromL(List.of(
                order("A-100", "2", "19.99"), order("B-220", "1", "250.00"), order("C-310", "5", "3.50"))));
        item.put("bio", AttributeValue.fromS(
                "Mathematician and writer, chiefly known for work on the Analytical Engine. ".repeat(3)));
        return item;
    }

    private static AttributeValue order(String sku, String qty, String price) {
        return AttributeValue.fromM(Map.of("sku", AttributeValue.fromS(sku), "qty", AttributeValue.fromN(qty),
                "price", AttributeValue.fromN(price)));
    }

    /** One of the 10,000 rows of a batch write, about 70 bytes: text, an integer, a decimal, a flag. */
    static Map<String, Object> row(int n) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", "row-" + n);
        row.put("n", (long) n);
        row.put("status", n % 3 == 0 ? "SHIPPED" : "OPEN");
        row.put("price", new BigDecimal(n + "." + (n % 100)));
        row.put("paid", n % 2 == 0);
        return row;
    }

    /** The same row, built by hand. */
    static Map<String, AttributeValue> rowAttributes(int n) {
        Map<String, AttributeValue> row = new LinkedHashMap<>();
        row.put("id", AttributeValue.fromS("row-" + n));
        row.put("n", AttributeValue.fromN(Integer.toString(n)));
        row.put("status", AttributeValue.fromS(n % 3 == 0 ? "SHIPPED" : "OPEN"));
        row.put("price", AttributeValue.fromN(n + "." + (n % 100)));
        row.put("paid", AttributeValue.fromBool(n % 2 == 0));
        return row;
    }

    /** One of the 5,000 query items, about 250 bytes. */
    static Map<String, AttributeValue> queryItem(int n) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.fromS(QUERY_PARTITION));
        item.put("sk", AttributeValue.fromN(Integer.toString(n)));
        item.put("status", AttributeValue.fromS(n % 3 == 0 ? "SHIPPED" : "OPEN"));
        item.put("total", AttributeValue.fromN(n + "." + (n % 100)));
        item.put("paid", AttributeValue.fromBool(n % 2 == 0));
        item.put("lines", AttributeValue.fromL(List.of(
                order("SKU-" + n, Integer.toString(1 + n % 4), "9.95"),
                order("SKU-" + (n + 1), "1", "120.00"))));
        item.put("customer", AttributeValue.fromM(Map.of("id", AttributeValue.fromS("customer-" + (n % 97)),
                "tier", AttributeValue.fromS(n % 5 == 0 ? "gold" : "silver"))));
        item.put("comment", AttributeValue.fromS("order number " + n + " placed through the benchmark loader"));
        return item;
    }

    /**
     * A nested document of about 4 KB as JSON text: objects three deep, lists of objects, strings (some with
     * escapes and non-ASCII), integers, decimals, booleans and nulls.
     */
    static String document() {
        StringBuilder json = new StringBuilder(4200);
        json.append("{\"id\":\"doc-42\",\"version\":7,\"title\":\"Quarterly report \\\"Q3\\\" — Zürich\",");
        json.append("\"published\":true,\"retracted\":false,\"supersededBy\":null,\"score\":98.125,");
        json.append("\"author\":{\"name\":\"Grace Hopper\",\"email\":\"grace@example.com\",\"orcid\":\"0000-0002-1825-0097\",");
        json.append("\"affiliation\":{\"name\":\"Harvard Computation Lab\",\"city\":\"Cambridge\",\"founded\":1944}},");
        json.append("\"sections\":[");
        List<String> sections = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            StringBuilder section = new StringBuilder();
            section.append("{\"heading\":\"Section ").append(s).append("\",\"order\":").append(s)
                    .append(",\"draft\":").append(s % 2 == 0)
                    .append(",\"text\":\"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod.\"")
                    .append(",\"figures\":[");
            for (int f = 0; f < 3; f++) {
                section.append(f == 0 ? "" : ",").append("{\"n\":").append(f).append(",\"caption\":\"Figure ")
                        .append(s).append('.').append(f).append("\",\"width\":").append(640 + f * 10)
                        .append(",\"ratio\":").append("1.").append(333 + f).append('}');
            }
            section.append("],\"tags\":[\"finance\",\"q3\",\"s").append(s).append("\"],\"reviewer\":null}");
            sections.add(section.toString());
        }
        json.append(String.join(",", sections)).append("],");
        json.append("\"metrics\":{\"views\":120934,\"downloads\":8812,\"rating\":4.75,\"ratio\":0.000125,");
        json.append("\"big\":12345678901234567890,\"negative\":-42,\"history\":[1,2,3,5,8,13,21,34,55,89]}}");
        return json.toString();
    }
}
