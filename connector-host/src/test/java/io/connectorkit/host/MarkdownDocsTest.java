package io.connectorkit.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectorkit.spi.Connection;
import io.connectorkit.spi.Connector;
import io.connectorkit.spi.Json;
import org.junit.jupiter.api.Test;

class MarkdownDocsTest {
    @Test
    void writesJsonDefaultsTheWayTheSeedPageDoes() {
        assertEquals("<code>[<br /> {<br /> \"AttributeName\": \"customerId\",<br /> \"AttributeType\": \"N\"<br />"
                + " },<br /> {<br /> \"AttributeName\": \"customerName\",<br /> \"AttributeType\": \"S\"<br /> }<br />]"
                + "</code>", MarkdownDocs.defaultText(Json.parse("[{\"AttributeName\": \"customerId\", "
                        + "\"AttributeType\": \"N\"}, {\"AttributeName\": \"customerName\", \"AttributeType\": \"S\"}]")));
        assertEquals("<code>[<br /> \"Rose\"<br />]</code>", MarkdownDocs.defaultText(Json.parse("[\"Rose\"]")));
        assertEquals("<code>{<br /> \"a\": [],<br /> \"b\": {}<br />}</code>",
                MarkdownDocs.defaultText(Json.parse("{\"a\": [], \"b\": {}}")));
        assertEquals("PROVISIONED", MarkdownDocs.defaultText("PROVISIONED"));
        assertEquals("5", MarkdownDocs.defaultText(5L));
        assertEquals("false", MarkdownDocs.defaultText(false));
        assertEquals("", MarkdownDocs.defaultText(null));
    }

    @Test
    void laysOutAConnectorPageFromItsMetadata() {
        NotesConnector notes = new NotesConnector();
        try (ConnectorRegistry registry = NotesConnector.registry(notes)) {
            String page = MarkdownDocs.page(registry.connector("notes").orElseThrow());
            assertEquals("""
                    ---
                    title: Notes Connector
                    sidebar_label: Notes
                    description: Keep notes | in memory
                    ---

                    ![Notes](./assets/notes.png#connector-icon)
                    Keep notes | in memory

                    ## Connections

                    ### API Token

                    Authenticates with a token.

                    | Input | Comments      | Default |
                    | ----- | ------------- | ------- |
                    | Token | The API token |         |

                    ## Actions

                    ### Count Notes

                    Counts the notes; needs no connection

                    | Input | Comments | Default |
                    | ----- | -------- | ------- |

                    ### Fail

                    Always fails

                    | Input      | Comments | Default |
                    | ---------- | -------- | ------- |
                    | Connection |          |         |

                    ### Get Note

                    Reads a note

                    | Input      | Comments       | Default |
                    | ---------- | -------------- | ------- |
                    | Key        | The note's key |         |
                    | Verbose    |                | false   |
                    | Connection |                |         |

                    ### Put Note

                    Stores a note

                    | Input      | Comments                         | Default                                                                                                                                                                              |
                    | ---------- | -------------------------------- | ------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------ |
                    | Key        | The note's key                   |                                                                                                                                                                                      |
                    | Value      | Any JSON                         |                                                                                                                                                                                      |
                    | Mode       | What to do with an existing note | overwrite                                                                                                                                                                            |
                    | Tags       | Labels<br />for the note         | <code>[<br /> {<br /> "name": "a",<br /> "weight": 1<br /> },<br /> {<br /> "name": "b",<br /> "nested": {<br /> "x": [<br /> true,<br /> null<br /> ]<br /> }<br /> }<br />]</code> |
                    | Connection |                                  |                                                                                                                                                                                      |

                    #### Advanced inputs

                    | Input        | Comments | Default |
                    | ------------ | -------- | ------- |
                    | Time To Live | Seconds  |         |

                    ## Triggers

                    ### Note Changes

                    Starts a flow for each change to a note

                    | Input      | Comments         | Default |
                    | ---------- | ---------------- | ------- |
                    | Connection |                  |         |
                    | Batch Size | Records per read | 2       |
                    """, page);
        }
    }
}
