/** Time to live: the sweeper that deletes expired items with a service {@code REMOVE} stream record. */
package io.connectorkit.dynamodb.embedded.ttl;
