package io.connectorkit.dynamodb.embedded.partiql;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.expr.Node;
import io.connectorkit.dynamodb.embedded.expr.UpdateAction;
import java.util.List;

/**
 * A parsed PartiQL statement with its {@code ?} parameters bound. WHERE clauses are trees of the expression
 * language ({@link Node}), updates are its {@link UpdateAction}s, so that one evaluator serves both.
 */
sealed interface Statement {
    /** The table the statement works on. */
    String table();

    /** {@code SELECT projection FROM "table"["index"] [WHERE condition]}; a null projection is {@code *}. */
    record Select(String table, String index, List<Node.Path> projection, Node where) implements Statement {
        public Select {
            requireNonNull(table, "table");
            projection = projection == null ? null : List.copyOf(projection);
        }
    }

    /** {@code INSERT INTO "table" VALUE {...}}. */
    record Insert(String table, ObjectNode item) implements Statement {
        public Insert {
            requireNonNull(table, "table");
            requireNonNull(item, "item");
        }
    }

    /**
     * {@code UPDATE "table" SET ... REMOVE ... WHERE condition [RETURNING ...]}; {@code returning} is null or one of
     * {@code ALL_OLD}, {@code MODIFIED_OLD}, {@code ALL_NEW}, {@code MODIFIED_NEW}.
     */
    record Update(String table, List<UpdateAction> actions, Node where, String returning) implements Statement {
        public Update {
            requireNonNull(table, "table");
            actions = List.copyOf(actions);
            requireNonNull(where, "where");
        }
    }

    /** {@code DELETE FROM "table" WHERE condition [RETURNING ALL OLD *]}. */
    record Delete(String table, Node where, boolean returnOld) implements Statement {
        public Delete {
            requireNonNull(table, "table");
            requireNonNull(where, "where");
        }
    }
}
