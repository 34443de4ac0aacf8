// Entry point placeholder; the command verbs are wired in Commands.
return 0;
