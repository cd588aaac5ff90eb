package org.nnlab.cli;

/** Arguments a command cannot accept; the message says which, and the usage is printed after it. */
public class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
