using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Srdi.Application.Profiles;

namespace Srdi.Application.Rosters;

/// <summary>A JSON Lines roster: one profile (docs/profile.md) per line. Lines stay UTF-8 bytes
/// from the file to the binder (a GBK file is transcoded to UTF-8 as it is read). A line is kept up
/// to the size of a profile (<see cref="ProfileReader.MaxBytes"/> bytes); a longer one is skipped to
/// its end and rejected by its length, never held whole in memory.</summary>
internal sealed class JsonlRosterSource : RosterSource
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private readonly Stream _file;
    private readonly Stream _utf8;
    private readonly byte[] _buffer = new byte[1 << 16];

    /// <summary>The part of a line that did not fit in the buffer, up to <see cref="ProfileReader.MaxBytes"/>.</summary>
    private byte[] _line = new byte[1 << 12];

    private int _start, _end;
    private bool _afterReturn, _started;
    private long _number;

    public JsonlRosterSource(Stream stream)
    {
        var encoding = RosterEncoding.Detect(ref stream, Notices);
        _file = stream;
        _utf8 = encoding is UTF8Encoding ? stream : Encoding.CreateTranscodingStream(stream, encoding, new UTF8Encoding(false), leaveOpen: true);
    }

    public override double Progress => Through(_file);

    protected override long LastRow => _number;

    // The row path is compiled fully at its first call rather than run precompiled until tiered up (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override bool ReadRow(RawRow row)
    {
        while (true)
        {
            var line = NextLine(out var length, out var any);
            if (!any) return false;
            _number++;
            if (length > ProfileReader.MaxBytes)
            {
                row.Number = _number;
                row.Json = default;
                row.CellCount = 0;
                row.Problem = new RowProblem(_number, "$", string.Create(CultureInfo.InvariantCulture, $"该行过长（{length:N0} 字节，一份档案上限 {ProfileReader.MaxBytes:N0} 字节）"));
                return true;
            }
            if (Blank(line))
            {
                EmptyRows++;
                continue;
            }
            row.Number = _number;
            row.Json = row.Bytes is { } bytes ? bytes.Keep(line) : line.ToArray();
            row.CellCount = 0;
            row.Size = line.Length;
            return true;
        }
    }

    /// <summary>Blank as <see cref="string.IsNullOrWhiteSpace"/> sees it; a line of JSON ends the check at its first byte.</summary>
    private static bool Blank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b >= 0x80) return string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(line));
            if (b is not ((byte)' ' or (byte)'\t' or 0x0B or 0x0C)) return false;
        }
        return true;
    }

    /// <summary>The next line without its end (\n, \r or \r\n); <paramref name="any"/> is false at
    /// the end of the file. <paramref name="length"/> is its full length in bytes, of which only the
    /// first <see cref="ProfileReader.MaxBytes"/> are kept. The span is valid until the next call.</summary>
    private ReadOnlySpan<byte> NextLine(out long length, out bool any)
    {
        length = 0;
        any = false;
        if (_afterReturn)
        {
            // A \r\n ends one line, not two.
            _afterReturn = false;
            if (Fill() && _buffer[_start] == '\n') _start++;
        }
        var kept = 0;
        while (Fill())
        {
            any = true;
            var span = _buffer.AsSpan(_start, _end - _start);
            var stop = span.IndexOfAny((byte)'\n', (byte)'\r');
            var part = stop < 0 ? span : span[..stop];
            if (stop >= 0 && length == 0)
            {
                // The whole line lies in the buffer: handed out in place, not copied.
                _start += stop + 1;
                _afterReturn = span[stop] == '\r';
                length = part.Length;
                return part;
            }
            var room = (int)Math.Max(0, ProfileReader.MaxBytes - length);
            var keep = Math.Min(part.Length, room);
            if (keep > 0)
            {
                if (kept + keep > _line.Length) Array.Resize(ref _line, Math.Min(ProfileReader.MaxBytes, Math.Max(_line.Length * 2, kept + keep)));
                part[..keep].CopyTo(_line.AsSpan(kept));
                kept += keep;
            }
            length += part.Length;
            if (stop < 0)
            {
                _start = _end;
                continue;
            }
            _start += stop + 1;
            _afterReturn = span[stop] == '\r';
            break;
        }
        return _line.AsSpan(0, kept);
    }

    /// <summary>True when the buffer holds at least one byte, reading more when it is empty.</summary>
    private bool Fill()
    {
        if (_start < _end) return true;
        _start = 0;
        _end = _utf8.Read(_buffer, 0, _buffer.Length);
        if (!_started && _end > 0)
        {
            // A byte order mark names the encoding; it is not part of the first line.
            _started = true;
            if (_buffer.AsSpan(0, _end).StartsWith(Bom)) _start = Bom.Length;
            return _start < _end || Fill();
        }
        return _end > 0;
    }

    public override void Dispose()
    {
        if (!ReferenceEquals(_utf8, _file)) _utf8.Dispose();
        _file.Dispose();
    }
}
