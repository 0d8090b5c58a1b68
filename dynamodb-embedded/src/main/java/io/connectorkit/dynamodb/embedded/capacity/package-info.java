/** Provisioned-capacity enforcement with DynamoDB's 300-second burst allowance; off unless asked for. */
package io.connectorkit.dynamodb.embedded.capacity;
