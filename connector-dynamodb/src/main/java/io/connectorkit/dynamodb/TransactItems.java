package io.connectorkit.dynamodb;

import static java.util.Objects.requireNonNull;

import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputRule;
import io.connectorkit.spi.Inputs;
import io.connectorkit.spi.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's transaction list shape, {@code [{"Put": {...}}, {"Update": {...}}, ...]}, as the transact actions take
 * it in one JSON input. The whole list is read and checked before any request, and every problem names the entry by
 * its index and field: {@code input 'transactItems' (Transact Items), entry [2] Update lacks the field 'Key'}.
 *
 * <p>Items, keys and expression values are in the call's {@link ItemFormat}; expressions and their substitutes are
 * checked as every action's are (see {@link Expressions}). Keys are typed by each table's key schema once the
 * structure is sound ({@link #key}, {@link #typeKeys}), and two entries on one item are refused ({@link #target}),
 * since DynamoDB takes one operation per item in a transaction.
 */
final class TransactItems {
    /** DynamoDB's limit on the entries of one transaction. */
    public static final int MAX_ENTRIES = 100;

    public static final String TABLE_NAME = "TableName";
    public static final String ITEM = "Item";
    public static final String KEY = "Key";
    public static final String CONDITION_EXPRESSION = "ConditionExpression";
    public static final String UPDATE_EXPRESSION = "UpdateExpression";
    public static final String PROJECTION_EXPRESSION = "ProjectionExpression";
    public static final String VALUES = "ExpressionAttributeValues";
    /** Type hints for the plain values of one entry, as {@code expressionAttributeValueTypes} gives an action's. */
    public static final String VALUE_TYPES = "ExpressionAttributeValueTypes";
    public static final String NAMES = "ExpressionAttributeNames";

    private static final Set<String> EXPRESSIONS = Set.of(CONDITION_EXPRESSION, UPDATE_EXPRESSION,
            PROJECTION_EXPRESSION);
    /** The rule of an action's Table Name input, which an entry's TableName follows too. */
    private static final InputRule TABLE_NAME_RULE = CommonInputs.TABLE_NAME_INPUT.rule();

    /**
     * One operation an entry may hold, with the fields it requires and those it may have besides.
     *
     * @param name DynamoDB's name for it, the entry's only key: {@code Put}, {@code Update}, ...
     */
    public record Operation(String name, Set<String> required, Set<String> optional) {
        public Operation {
            requireNonNull(name, "name");
            required = Set.copyOf(required);
            optional = Set.copyOf(optional);
        }

        /** Every field, in a stable order for messages. */
        String known() {
            return String.join(", ", new TreeSet<>(union()));
        }

        private Set<String> union() {
            Set<String> all = new LinkedHashSet<>(required);
            all.addAll(optional);
            return all;
        }
    }

    /**
     * One entry of the list.
     *
     * @param index     its zero-based position, as DynamoDB's cancellation reasons count
     * @param operation the operation it holds
     * @param fields    that operation's fields, as given
     */
    public record Entry(int index, Operation operation, Map<String, Object> fields) {
        public Entry {
            requireNonNull(operation, "operation");
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        /** {@code entry [2] Put}: how messages name the entry. */
        public String name() {
            return "entry [" + index + "] " + operation.name();
        }

        /** {@code entry [2] Put.Item}: how messages name one of its fields. */
        public String where(String field) {
            return name() + "." + field;
        }

        public String table() {
            return (String) fields.get(TABLE_NAME);
        }
    }

    private final InputDescriptor input;
    private final ItemFormat format;
    private final List<Entry> entries;
    /** The items addressed so far (table and key values), each with the index of the entry that addresses it. */
    private final Map<List<Object>, Integer> targets = new HashMap<>();

    private TransactItems(InputDescriptor input, ItemFormat format, List<Entry> entries) {
        this.input = input;
        this.format = format;
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads the list from the input {@code key} and checks its shape: at most {@link #MAX_ENTRIES} entries, each an
     * object holding exactly one of {@code operations}, whose fields are known to it, required ones present, table
     * names valid, expressions non-empty text, items and keys objects.
     *
     * @throws ConnectorException {@code INVALID_INPUT} naming the entry and the field at fault
     */
    public static TransactItems read(Inputs inputs, String key, ItemFormat format, Operation... operations) {
        requireNonNull(format, "format");
        InputDescriptor input = inputs.descriptor(key);
        Map<String, Operation> byName = new LinkedHashMap<>();
        for (Operation operation : operations) {
            byName.put(operation.name(), operation);
        }
        String names = String.join(", ", byName.keySet());
        Object json = inputs.json(key);
        if (!(json instanceof List<?> list)) {
            throw JsonObjects.invalid(input, "must be a list of entries such as [{\"" + operations[0].name()
                    + "\": {\"TableName\": ...}}], not " + JsonObjects.kind(json));
        }
        if (list.size() > MAX_ENTRIES) {
            throw JsonObjects.invalid(input, "has " + list.size() + " entries; a DynamoDB transaction takes at most "
                    + MAX_ENTRIES);
        }
        List<Entry> entries = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Entry entry = entry(input, i, list.get(i), byName, names);
            if (format == ItemFormat.DYNAMODB && entry.fields().get(KEY) != null) {
                // typed key values need no key schema to be read, so a malformed one is refused before any request
                format.item(entry.fields().get(KEY), input, entry.where(KEY));
            }
            entries.add(entry);
        }
        return new TransactItems(input, format, entries);
    }

    private static Entry entry(InputDescriptor input, int index, Object json, Map<String, Operation> operations,
            String names) {
        String where = "entry [" + index + "]";
        if (!(json instanceof Map<?, ?> map) || map.isEmpty()) {
            throw JsonObjects.invalid(input, where, "must be an object holding one operation (" + names + "), not "
                    + (json instanceof Map ? "an empty object" : JsonObjects.kind(json)));
        }
        for (Object field : map.keySet()) {
            if (!operations.containsKey(field)) {
                throw JsonObjects.invalid(input, where, "has the unknown field '" + field + "'; an entry holds one"
                        + " operation: " + names);
            }
        }
        if (map.size() > 1) {
            throw JsonObjects.invalid(input, where, "holds " + map.size() + " operations ("
                    + map.keySet().stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + "); each entry holds exactly one, so give each its own entry");
        }
        Operation operation = operations.get((String) map.keySet().iterator().next());
        Entry named = new Entry(index, operation, Map.of());
        Object body = map.values().iterator().next();
        if (!(body instanceof Map<?, ?> fields)) {
            throw JsonObjects.invalid(input, named.name(), "must be an object of fields (" + operation.known()
                    + "), not " + JsonObjects.kind(body));
        }
        Map<String, Object> checked = new LinkedHashMap<>();
        for (Map.Entry<?, ?> field : fields.entrySet()) {
            if (!(field.getKey() instanceof String name) || !operation.union().contains(name)) {
                throw JsonObjects.invalid(input, named.name(), "has the unknown field '" + field.getKey()
                        + "'; known fields: " + operation.known());
            }
            checked.put(name, field.getValue());
        }
        for (String required : new TreeSet<>(operation.required())) {
            if (checked.get(required) == null) {
                throw JsonObjects.invalid(input, named.name(), "lacks the field '" + required + "'");
            }
        }
        Entry entry = new Entry(index, operation, checked);
        checkFields(input, entry);
        return entry;
    }

    private static void checkFields(InputDescriptor input, Entry entry) {
        entry.fields().forEach((field, value) -> {
            if (value == null) {
                return;
            }
            if (field.equals(TABLE_NAME) && !(value instanceof String name && TABLE_NAME_RULE.matches(name))) {
                throw JsonObjects.invalid(input, entry.where(field), "must be " + TABLE_NAME_RULE.expectation()
                        + ", not " + JsonObjects.kind(value));
            }
            if (EXPRESSIONS.contains(field) && !(value instanceof String text && !text.isBlank())) {
                throw JsonObjects.invalid(input, entry.where(field), "must be non-empty text, not "
                        + JsonObjects.kind(value));
            }
            if ((field.equals(ITEM) || field.equals(KEY)) && !(value instanceof Map)) {
                throw JsonObjects.invalid(input, entry.where(field), "must be an object of attributes, not "
                        + JsonObjects.kind(value));
            }
        });
    }

    public List<Entry> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** How a cancellation names each entry, in order: {@code entry [1] Update on table 'stock'}. */
    public List<String> names() {
        return entries.stream().map(entry -> entry.name() + " on table '" + entry.table() + "'").toList();
    }

    /** An expression field, trimmed; {@code null} when the entry has none. */
    public String expression(Entry entry, String field) {
        Object value = entry.fields().get(field);
        return value == null ? null : ((String) value).trim();
    }

    /**
     * The entry's {@code ExpressionAttributeValues} (in the call's format, hinted by
     * {@code ExpressionAttributeValueTypes} when plain) and {@code ExpressionAttributeNames}, checked against its
     * expressions.
     */
    public Expressions expressions(Entry entry, String... expressions) {
        Object types = entry.fields().get(VALUE_TYPES);
        if (format != ItemFormat.PLAIN && ItemFormat.givesHints(types)) {
            throw JsonObjects.invalid(input, entry.where(VALUE_TYPES), ItemFormat.HINTS_REFUSED);
        }
        return Expressions.read(format, source(entry, VALUES),
                format == ItemFormat.PLAIN ? source(entry, VALUE_TYPES) : null, source(entry, NAMES), expressions);
    }

    private Expressions.Source source(Entry entry, String field) {
        return new Expressions.Source(entry.fields().get(field), input, entry.where(field));
    }

    /** The entry's {@code Item}, converted; its key attributes are typed later by {@link #typeKeys}. */
    public Map<String, AttributeValue> item(Entry entry) {
        return format.item(entry.fields().get(ITEM), input, entry.where(ITEM));
    }

    /** Puts the key attributes of the entry's converted {@code Item} in the table's key types. */
    public void typeKeys(Entry entry, Map<String, AttributeValue> item, KeySchema schema) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) entry.fields().get(ITEM);
        schema.typeKeyAttributes(json, item, format, Set.of(), input, entry.where(ITEM));
    }

    /** The entry's {@code Key}: exactly the table's key attributes, typed by its key schema. */
    public Map<String, AttributeValue> key(Entry entry, KeySchema schema) {
        return schema.keyFrom(entry.fields().get(KEY), format, input, entry.where(KEY));
    }

    /**
     * Records that the entry addresses the item with this key, refusing a second entry on an item an earlier one
     * addresses (DynamoDB would refuse the whole transaction after describing nothing more useful).
     *
     * @param key the item's key attributes, typed (extra attributes of a put's item are ignored)
     */
    public void target(Entry entry, KeySchema schema, Map<String, AttributeValue> key) {
        Map<String, AttributeValue> keyOnly = new LinkedHashMap<>();
        for (String name : schema.keyNames()) {
            keyOnly.put(name, key.get(name));
        }
        Integer earlier = targets.putIfAbsent(List.of(entry.table(), KeyIdentity.of(schema, key)), entry.index());
        if (earlier != null) {
            throw JsonObjects.invalid(input, "entries [" + earlier + "] and [" + entry.index() + "]", "address the"
                    + " same item of table '" + entry.table() + "', " + Json.write(format.toJson(keyOnly))
                    + "; a DynamoDB transaction takes one operation per item");
        }
    }

    /**
     * Forgets the items recorded by {@link #target}, so that the entries can be typed and targeted again after
     * their tables' key schemas were read afresh.
     */
    void forgetTargets() {
        targets.clear();
    }
}
