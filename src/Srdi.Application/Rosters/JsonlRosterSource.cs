using System.Globalization;
using System.Text;
using Srdi.Application.Profiles;

namespace Srdi.Application.Rosters;

/// <summary>A JSON Lines roster: one profile (docs/profile.md) per line. A line is read up to
/// the size of a profile (<see cref="ProfileReader.MaxBytes"/>); a longer one is skipped to its
/// end and rejected by its length, never held whole in memory.</summary>
internal sealed class JsonlRosterSource : RosterSource
{
    private readonly Stream _file;
    private readonly StreamReader _reader;
    private readonly StringBuilder _line = new();
    private readonly char[] _buffer = new char[1 << 16];
    private int _start, _end;
    private bool _afterReturn;
    private long _number;

    public JsonlRosterSource(Stream stream)
    {
        var encoding = RosterEncoding.Detect(ref stream, Notices);
        _file = stream;
        _reader = new StreamReader(_file, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }

    public override double Progress => Through(_file);

    protected override long LastRow => _number;

    protected override bool ReadRow(RawRow row)
    {
        while (NextLine(out var length) is { } line)
        {
            _number++;
            if (length > ProfileReader.MaxBytes)
            {
                row.Number = _number;
                row.Json = "";
                row.Cells = null;
                row.Problem = new RowProblem(_number, "$", string.Create(CultureInfo.InvariantCulture, $"该行过长（{length:N0} 个字符，一份档案上限 {ProfileReader.MaxBytes:N0} 字节）"));
                return true;
            }
            if (string.IsNullOrWhiteSpace(line))
            {
                EmptyRows++;
                continue;
            }
            row.Number = _number;
            row.Json = line;
            row.Cells = null;
            row.Size = line.Length;
            return true;
        }
        return false;
    }

    /// <summary>The next line, or null at the end; <paramref name="length"/> is its full length,
    /// of which only the first <see cref="ProfileReader.MaxBytes"/> characters are kept.</summary>
    private string? NextLine(out long length)
    {
        _line.Clear();
        length = 0;
        if (_afterReturn)
        {
            // A \r\n ends one line, not two.
            _afterReturn = false;
            if (Fill() && _buffer[_start] == '\n') _start++;
        }
        var any = false;
        while (Fill())
        {
            any = true;
            var span = _buffer.AsSpan(_start, _end - _start);
            var stop = span.IndexOfAny('\n', '\r');
            var part = stop < 0 ? span : span[..stop];
            var room = ProfileReader.MaxBytes - length;
            if (room > 0) _line.Append(part[..(int)Math.Min(part.Length, room)]);
            length += part.Length;
            if (stop < 0)
            {
                _start = _end;
                continue;
            }
            _start += stop + 1;
            _afterReturn = span[stop] == '\r';
            return _line.ToString();
        }
        return any ? _line.ToString() : null;
    }

    /// <summary>True when the buffer holds at least one character, reading more when it is empty.</summary>
    private bool Fill()
    {
        if (_start < _end) return true;
        _start = 0;
        _end = _reader.Read(_buffer, 0, _buffer.Length);
        return _end > 0;
    }

    public override void Dispose()
    {
        _reader.Dispose();
        _file.Dispose();
    }
}
