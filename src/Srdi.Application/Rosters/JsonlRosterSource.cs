using System.Text;

namespace Srdi.Application.Rosters;

/// <summary>A JSON Lines roster: one profile (docs/profile.md) per line.</summary>
internal sealed class JsonlRosterSource : RosterSource
{
    private readonly Stream _file;
    private readonly StreamReader _reader;
    private long _line;

    public JsonlRosterSource(Stream stream)
    {
        var encoding = RosterEncoding.Detect(ref stream, Notices);
        _file = stream;
        _reader = new StreamReader(_file, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }

    public override double Progress => Through(_file);

    public override bool Read(RawRow row)
    {
        while (_reader.ReadLine() is { } line)
        {
            _line++;
            if (string.IsNullOrWhiteSpace(line))
            {
                EmptyRows++;
                continue;
            }
            row.Number = _line;
            row.Json = line;
            row.Cells = null;
            return true;
        }
        return false;
    }

    public override void Dispose()
    {
        _reader.Dispose();
        _file.Dispose();
    }
}
