using System.Globalization;
using System.Text;

namespace Srdi.Cli;

/// <summary>What is echoed to a terminal: a value from a profile, a roster or the command line
/// could carry control characters or ANSI escape sequences that move the cursor, recolour or
/// retitle the terminal. <see cref="Clean"/> strips them from one value and shortens it;
/// <see cref="SafeWriter"/> strips them from everything a command writes.</summary>
internal static class TerminalText
{
    /// <summary>The most characters of one echoed value (a name, a path, an option's value).</summary>
    public const int MaxLength = 120;

    /// <summary>One value on one line: escape sequences and control characters removed (line
    /// breaks and tabs become spaces), cut to <paramref name="max"/> characters with “…”.</summary>
    public static string Clean(string? text, int max = MaxLength)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        var filter = new Filter(keepLineBreaks: false);
        var sb = new StringBuilder(text.Length);
        foreach (var c in text) filter.Put(c, sb);
        return Shorten(sb.ToString(), max);
    }

    /// <summary>Cut to <paramref name="max"/> text elements (never inside a surrogate pair or a
    /// combining sequence), marking the cut with “…”.</summary>
    public static string Shorten(string text, int max = MaxLength)
    {
        if (text.Length <= max) return text;
        var info = new StringInfo(text);
        return info.LengthInTextElements <= max ? text : info.SubstringByTextElements(0, max) + "…";
    }

    /// <summary>A small state machine over characters: drops C0 controls (but line breaks and
    /// tabs, when kept), DEL, C1 controls, bidirectional overrides, and whole escape sequences
    /// (CSI “ESC [ … final”, OSC “ESC ] … BEL or ESC \”, and two-character escapes).</summary>
    internal sealed class Filter(bool keepLineBreaks)
    {
        private enum State { Text, Escape, Csi, Osc, OscEscape }

        private State _state;

        public void Put(char c, StringBuilder to)
        {
            switch (_state)
            {
                case State.Escape:
                    _state = c switch { '[' => State.Csi, ']' or 'P' or '^' or '_' or 'X' => State.Osc, _ => State.Text };
                    return;
                case State.Csi:
                    if (c is >= '@' and <= '~') _state = State.Text;
                    else if (c < ' ' && c != '\u001b') _state = State.Text;
                    return;
                case State.Osc:
                    if (c == '\u0007' || c == '\u009c') _state = State.Text;
                    else if (c == '\u001b') _state = State.OscEscape;
                    return;
                case State.OscEscape:
                    _state = c == '\\' ? State.Text : State.Osc;
                    return;
            }
            switch (c)
            {
                case '\u001b': _state = State.Escape; return;
                case '\u009b': _state = State.Csi; return;
                case '\u009d' or '\u0090' or '\u009e' or '\u009f' or '\u0098': _state = State.Osc; return;
                case '\n': to.Append(keepLineBreaks ? '\n' : ' '); return;
                case '\t': to.Append(keepLineBreaks ? '\t' : ' '); return;
                case '\r': if (keepLineBreaks && OperatingSystem.IsWindows()) to.Append('\r'); return;
            }
            if (c < ' ' || c is >= '\u007f' and <= '\u009f') return;
            // Bidirectional overrides and isolates reorder what follows them on screen.
            if (c is >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069') return;
            to.Append(c);
        }
    }

    /// <summary>Writes through to a terminal's writer with escape sequences and control
    /// characters removed; line breaks and tabs are kept. JSON and tables written through it are
    /// unchanged (JSON escapes its control characters; tables are drawn without ANSI).</summary>
    internal sealed class SafeWriter(TextWriter inner) : TextWriter
    {
        private readonly Filter _filter = new(keepLineBreaks: true);
        private readonly StringBuilder _buffer = new();

        public override Encoding Encoding => inner.Encoding;

        public override IFormatProvider FormatProvider => inner.FormatProvider;

        public override void Write(char value)
        {
            lock (_buffer)
            {
                _buffer.Clear();
                _filter.Put(value, _buffer);
                if (_buffer.Length > 0) inner.Write(_buffer.ToString());
            }
        }

        public override void Write(string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            lock (_buffer)
            {
                _buffer.Clear();
                foreach (var c in value) _filter.Put(c, _buffer);
                inner.Write(_buffer.ToString());
            }
        }

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void WriteLine(string? value)
        {
            Write(value);
            Write(NewLine);
        }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync() => inner.FlushAsync();

        public override string ToString() => inner.ToString() ?? "";
    }
}
