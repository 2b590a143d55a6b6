package org.rebond.config;

import org.rebond.i18n.Sentence;

/** A value written in a way rebond does not read (a duration, a size): what is wrong, as a sentence of {@link ConfigProblems#AREA}. */
final class ConfigSyntaxException extends IllegalArgumentException implements Sentence.Said {
    private static final long serialVersionUID = 1L;

    private final transient Sentence sentence;

    ConfigSyntaxException(String code, Object... arguments) {
        this(ConfigProblems.say(code, arguments));
    }

    private ConfigSyntaxException(Sentence sentence) {
        super(sentence.english());
        this.sentence = sentence;
    }

    @Override
    public Sentence sentence() {
        return sentence;
    }
}
