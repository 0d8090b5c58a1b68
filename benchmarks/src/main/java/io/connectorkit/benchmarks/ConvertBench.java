package io.connectorkit.benchmarks;

import io.connectorkit.dynamodb.BenchmarkAccess;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import io.connectorkit.spi.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * convert: a 4 KB nested document to an {@link AttributeValue} map and back, no network, each side from its own
 * JSON form. Connector: plain JSON (what hosts hand to actions and get back) through
 * {@code AttributeValues.toItem} and {@code AttributeValues.toJson}. Baseline: {@code EnhancedDocument.fromJson(..)
 * .toMap()} then {@code EnhancedDocument.fromAttributeValueMap(..).toJson()}, the SDK's JSON ⇄ item path, whose
 * JSON form is text.
 *
 * <p>A second row, without a target, adds JSON text to the connector's side ({@code Json.parse} before,
 * {@code Json.write} after: what a host that holds text pays), so both sides start and end with text.
 */
final class ConvertBench {
    private static final InputDescriptor VALUE = InputDescriptor.builder("value", "Value").type(InputType.JSON)
            .build();

    private ConvertBench() {
    }

    static List<Measurement> run(Environment env) {
        String document = SampleData.document();
        Object plain = Json.parse(document);
        AlternatingTimer.Operation connector = i -> BenchmarkAccess.toJson(BenchmarkAccess.toItem(plain, VALUE));
        AlternatingTimer.Operation connectorText = i -> Json.write(BenchmarkAccess.toJson(
                BenchmarkAccess.toItem(Json.parse(document), VALUE)));
        AlternatingTimer.Operation baseline = i -> {
            Map<String, AttributeValue> item = EnhancedDocument.fromJson(document).toMap();
            return EnhancedDocument.fromAttributeValueMap(item).toJson();
        };

        if (!Json.parse(Json.write(connector.runUnchecked(0))).equals(plain)) {
            throw new IllegalStateException("the connector's round trip changed the document");
        }
        if (!(baseline.runUnchecked(0) instanceof String text) || text.length() < document.length() / 2) {
            throw new IllegalStateException("EnhancedDocument's round trip lost the document");
        }
        int bytes = document.getBytes(StandardCharsets.UTF_8).length;
        AlternatingTimer.Result result = new AlternatingTimer().run(env.plan(60, 5, 80, 50), connector, baseline);
        AlternatingTimer.Result withText = new AlternatingTimer().run(env.plan(10, 1, 40, 50), connectorText, baseline);
        return List.of(
                Measurement.of("convert", result, 0.50,
                        "per round trip of a " + bytes + "-byte document, median of " + result.rounds()
                                + " alternating batches of 50"),
                Measurement.detail("convert, text both sides", withText,
                        "the connector's side adds Json.parse and Json.write (the SPI's parser)"));
    }
}
