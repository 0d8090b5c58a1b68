package io.connectorkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectorkit.dynamodb.embedded.EmbeddedDynamoDb;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingSampleTest {
    @Test
    void theSampleRunsAWorkflowWithTheHostsConnectionAndPrintsEachStep(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sample.yaml");
        Files.writeString(file, """
                name: sample
                vars: {table: "sample_${random}"}
                steps:
                  - {name: create, action: createTable, inputs: {region: us-east-1, tableName: "${vars.table}",
                     billingMode: PAY_PER_REQUEST, attributeDefinitions: [{AttributeName: id, AttributeType: S}],
                     keySchema: [{AttributeName: id, KeyType: HASH}]}, show: "created"}
                  - {name: put, action: upsertItem, inputs: {region: us-east-1, tableName: "${vars.table}",
                     value: {id: a, n: 7}}}
                  - {name: get, action: getItem, inputs: {region: us-east-1, tableName: "${vars.table}",
                     hashKeyValue: a}, show: "${output.Item.n}"}
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.builder().start()) {
            int status = EmbeddingSample.run(file, dynamoDb.endpoint().toString(),
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
        }
        assertEquals(List.of("1 aws-dynamodb/createTable created", "2 aws-dynamodb/upsertItem {}",
                "3 aws-dynamodb/getItem 7"), out.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
