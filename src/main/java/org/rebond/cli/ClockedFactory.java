package org.rebond.cli;

import java.lang.reflect.Constructor;
import java.time.Clock;
import picocli.CommandLine;

/**
 * Makes the classes picocli needs (commands, the {@link ConfigOption} mixin) with what their public
 * constructor asks among the process's clock, the user's terminal and the language spoken during this
 * command line; the constructor asking the most is used, and a class with none of them is made as usual.
 */
record ClockedFactory(Clock clock, UserTerminal terminal, SpokenLanguage language) implements CommandLine.IFactory {

    @Override
    public <K> K create(Class<K> type) throws Exception {
        Constructor<?> best = null;
        for (Constructor<?> c : type.getConstructors()) {
            if (c.getParameterCount() > 0 && suppliable(c) && (best == null || c.getParameterCount() > best.getParameterCount())) {
                best = c;
            }
        }
        if (best == null) {
            return CommandLine.defaultFactory().create(type);
        }
        Class<?>[] types = best.getParameterTypes();
        Object[] arguments = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            arguments[i] = types[i] == Clock.class ? clock : types[i] == UserTerminal.class ? terminal : language;
        }
        return type.cast(best.newInstance(arguments));
    }

    private static boolean suppliable(Constructor<?> c) {
        for (Class<?> t : c.getParameterTypes()) {
            if (t != Clock.class && t != UserTerminal.class && t != SpokenLanguage.class) {
                return false;
            }
        }
        return true;
    }
}
