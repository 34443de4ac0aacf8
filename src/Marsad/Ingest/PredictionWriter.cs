using System.Text.Encodings.Web;
using System.Text.Json;
using Marsad.Events;
using Marsad.Text;

namespace Marsad.Ingest;

/// <summary>
/// Writes events as FORMAT.md prediction lines: one compact JSON object per line, keys in the
/// documented order, Arabic left unescaped.
/// </summary>
public sealed class PredictionWriter : IDisposable
{
    private static readonly JsonWriterOptions Options = new()
    {
        // The output is JSON read by tools, never embedded in HTML, so there is nothing to guard against.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly Utf8JsonWriter _json;

    /// <param name="output">Where lines go.</param>
    /// <param name="explain">Adds an <c>explain</c> key with the trigger and argument spans (the scorer ignores it).</param>
    /// <param name="ownsStream">Dispose <paramref name="output"/> with the writer.</param>
    public PredictionWriter(Stream output, bool explain = false, bool ownsStream = false)
    {
        _stream = output;
        _ownsStream = ownsStream;
        _json = new Utf8JsonWriter(output, Options);
        Explain = explain;
    }

    /// <summary>Opens (and truncates) a file for writing, creating its folder when needed.</summary>
    public static PredictionWriter Create(string path, bool explain = false)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir))
            Directory.CreateDirectory(dir);
        return new PredictionWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16), explain, ownsStream: true);
    }

    public bool Explain { get; }

    /// <summary>How many events were written.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Writes one event. <paramref name="documentText"/> is the folded article text the spans point
    /// into; when given, offsets are written in code points (what "characters" means to Python, the
    /// reference scorer) rather than UTF-16 units, and explain spans get their text.
    /// </summary>
    public void Write(EventRecord e, string? documentText = null)
    {
        _json.Reset();
        WriteEvent(_json, e, documentText, Explain);
        _json.Flush();
        _stream.WriteByte((byte)'\n');
        Count++;
    }

    /// <summary>Writes one event as its prediction object followed by more properties that <paramref name="extra"/> writes (exports add sources).</summary>
    public static void WriteObject(Utf8JsonWriter w, EventRecord e, string? documentText, Action<Utf8JsonWriter> extra) =>
        WriteEvent(w, e, documentText, explain: false, extra);

    /// <summary>The writer options prediction lines use (compact, Arabic unescaped).</summary>
    public static JsonWriterOptions JsonOptions => Options;

    /// <summary>One event as its prediction line (without the newline).</summary>
    public static string ToJsonLine(EventRecord e, string? documentText = null, bool explain = false)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
            WriteEvent(json, e, documentText, explain);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public void Flush()
    {
        _json.Flush();
        _stream.Flush();
    }

    public void Dispose()
    {
        _json.Dispose();
        if (_ownsStream)
            _stream.Dispose();
        else
            _stream.Flush();
    }

    private static void WriteEvent(Utf8JsonWriter w, EventRecord e, string? text, bool explain, Action<Utf8JsonWriter>? extra = null)
    {
        var offsets = OffsetMap.For(text);
        w.WriteStartObject();
        w.WriteString("article", e.ArticleId);
        w.WriteString("type", e.Type);
        w.WriteString("subtype", e.Subtype);
        WriteNullableString(w, "actor1", e.Actor1);
        WriteNullableString(w, "actor2", e.Actor2);
        WritePlace(w, "place", e.Place);
        WritePlace(w, "origin", e.Origin);
        if (e.Date is { } d)
        {
            w.WriteStartObject("date");
            w.WriteString("start", d.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("end", d.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("precision", d.PrecisionCode);
            w.WriteEndObject();
        }
        else
            w.WriteNull("date");
        w.WriteStartObject("quantities");
        foreach (var (key, value) in e.Quantities.OrderBy(q => q.Key, StringComparer.Ordinal))
            w.WriteNumber(key, value);
        w.WriteEndObject();
        if (e.Fatalities is { } f)
            w.WriteNumber("fatalities", f);
        else
            w.WriteNull("fatalities");
        w.WriteString("certainty", e.Certainty);
        WriteNullableString(w, "reported_by", e.ReportedBy);
        w.WriteStartObject("evidence");
        w.WriteNumber("start", offsets.Map(e.Evidence.Start));
        w.WriteNumber("end", offsets.Map(e.Evidence.End));
        w.WriteString("text", e.EvidenceText);
        w.WriteEndObject();
        if (explain)
        {
            w.WriteStartObject("explain");
            WriteSpan(w, "trigger", e.Trigger, text, offsets);
            w.WriteStartObject("arguments");
            foreach (var (name, span) in e.ArgumentSpans.OrderBy(a => a.Key, StringComparer.Ordinal))
                WriteSpan(w, name, span, text, offsets);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        extra?.Invoke(w);
        w.WriteEndObject();
    }

    private static void WriteSpan(Utf8JsonWriter w, string name, TextSpan span, string? text, OffsetMap offsets)
    {
        w.WriteStartObject(name);
        w.WriteNumber("start", offsets.Map(span.Start));
        w.WriteNumber("end", offsets.Map(span.End));
        if (text is not null && span.Start >= 0 && span.End <= text.Length)
            w.WriteString("text", text.Substring(span.Start, span.Length));
        w.WriteEndObject();
    }

    private static void WritePlace(Utf8JsonWriter w, string name, PlaceRef? p)
    {
        if (p is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        w.WriteString("name", p.Name);
        WriteNullableString(w, "country", p.Country);
        WriteNullableNumber(w, "lat", p.Lat);
        WriteNullableNumber(w, "lon", p.Lon);
        w.WriteString("precision", p.Precision);
        WriteNullableString(w, "gazetteer_id", p.GazetteerId);
        w.WriteEndObject();
    }

    private static void WriteNullableString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
            w.WriteNull(name);
        else
            w.WriteString(name, value);
    }

    private static void WriteNullableNumber(Utf8JsonWriter w, string name, double? value)
    {
        // JSON has no NaN or infinity; an unusable coordinate is no coordinate.
        if (value is { } v && double.IsFinite(v))
            w.WriteNumber(name, v);
        else
            w.WriteNull(name);
    }

    /// <summary>Converts UTF-16 offsets into code-point offsets; the identity when the text has no surrogate pairs.</summary>
    private readonly struct OffsetMap
    {
        private readonly string? _text;

        private OffsetMap(string? text) => _text = text;

        public static OffsetMap For(string? text)
        {
            if (text is null)
                return default;
            foreach (char c in text)
                if (char.IsSurrogate(c))
                    return new OffsetMap(text);
            return default;
        }

        public int Map(int utf16Offset)
        {
            if (_text is null)
                return utf16Offset;
            int end = Math.Clamp(utf16Offset, 0, _text.Length);
            int lows = 0;
            for (int i = 0; i < end; i++)
                if (char.IsLowSurrogate(_text[i]))
                    lows++;
            return utf16Offset - lows;
        }
    }
}
