using Microsoft.Extensions.Logging;

namespace Marsad.Web;

/// <summary>Writes the server's warnings and errors as single lines to a writer (the CLI's stderr).</summary>
internal sealed class TextWriterLoggerProvider(TextWriter output) : ILoggerProvider
{
    private readonly Lock _lock = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(TextWriterLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            var line = $"marsad serve: {logLevel.ToString().ToLowerInvariant()}: {category}: {formatter(state, exception)}";
            lock (owner._lock)
            {
                owner.TextWriter.WriteLine(line);
                if (exception is not null)
                    owner.TextWriter.WriteLine(exception.ToString());
            }
        }
    }

    private TextWriter TextWriter => output;
}
