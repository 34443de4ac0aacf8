namespace Marsad.Ingest;

/// <summary>What a reading problem cost: nothing, one record, or a whole file.</summary>
public enum DiagnosticKind
{
    /// <summary>The article was still read (with a generated id, say, or no publication date).</summary>
    Warning,

    /// <summary>One record was dropped.</summary>
    SkippedRecord,

    /// <summary>A whole file (or the rest of it) could not be read.</summary>
    FileProblem,
}

/// <summary>One problem met while reading input: where it is, what it is, and what it cost.</summary>
/// <param name="File">The file (for a zip archive, the archive path joined with the entry name).</param>
/// <param name="Line">1-based line where the record starts; 0 when the problem concerns the whole file.</param>
/// <param name="Message">A sentence a user can act on.</param>
/// <param name="Kind">Whether anything was dropped.</param>
public sealed record IngestDiagnostic(string File, int Line, string Message, DiagnosticKind Kind)
{
    /// <summary>The conventional compiler-style form: <c>FILE:LINE: message</c> (or <c>FILE: message</c>).</summary>
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}
