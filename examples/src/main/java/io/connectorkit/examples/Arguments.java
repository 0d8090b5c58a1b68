package io.connectorkit.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One command's arguments: positionals, {@code --name value} (or {@code --name=value}) options and flags.
 *
 * <p>Strict on purpose: an option the command does not declare, a repeated option or a missing value is a
 * {@link UsageException}, so a typo never silently changes what runs. {@code --} ends the options.
 */
final class Arguments {
    private final List<String> positionals;
    private final Map<String, String> options;
    private final boolean help;

    private Arguments(List<String> positionals, Map<String, String> options, boolean help) {
        this.positionals = List.copyOf(positionals);
        this.options = Map.copyOf(options);
        this.help = help;
    }

    static Arguments parse(List<String> args, Set<String> valueOptions, Set<String> flags) throws UsageException {
        List<String> positionals = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        boolean help = false;
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                positionals.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals > 0 ? arg.substring(0, equals) : arg;
            if (flags.contains(name)) {
                if (equals > 0) {
                    throw new UsageException("option " + name + " takes no value");
                }
                put(options, name, "true");
            } else if (valueOptions.contains(name)) {
                String value;
                if (equals > 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new UsageException("option " + name + " needs a value");
                }
                put(options, name, value);
            } else {
                throw new UsageException("unknown option '" + name + "'");
            }
        }
        return new Arguments(positionals, options, help);
    }

    private static void put(Map<String, String> options, String name, String value) throws UsageException {
        if (options.putIfAbsent(name, value) != null) {
            throw new UsageException("option " + name + " is given twice");
        }
    }

    List<String> positionals() {
        return positionals;
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    /** {@code --help} or {@code -h} was given. */
    boolean help() {
        return help;
    }
}
