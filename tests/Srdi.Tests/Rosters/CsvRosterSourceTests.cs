using System.Globalization;
using System.Text;
using CsCheck;
using Srdi.Application.Rosters;
using Xunit;

namespace Srdi.Tests.Rosters;

/// <summary>A CSV row's cells are copied from Sylvan into room reserved from the record's written
/// length, and a cell over the limit is measured, never copied: every cell must come out exactly as
/// Sylvan reads it (and, with two columns or more, as it was written), whatever the delimiter, the
/// quoting, the line endings and the characters inside.</summary>
public sealed class CsvRosterSourceTests
{
    private static readonly Gen<string> Cell = Gen.Frequency(
        (6, Gen.Const("")),
        (4, Gen.OneOf("是", "否", "[]", "小型", "2024-07-15", "1280000", "0", "深圳市")),
        (3, Gen.Char[" ,;\t\"\r\nab中文“”[]{}:"].Array[0, 12].Select(c => new string(c))),
        (1, Gen.OneOf("[{\"amount\": 5}]", "a\"b", " \"x\" ", "\"", "\"\"", "末尾,", ",开头", "换\r\n行")));

    private static readonly Gen<(char Delimiter, bool QuoteAll, string NewLine, string[][] Rows)> Roster =
        Gen.Select(Gen.OneOf(',', ';', '\t'), Gen.Bool, Gen.OneOf("\r\n", "\n"), Gen.Int[1, 8]).SelectMany(shape =>
            Cell.Array[shape.Item4].Array[1, 30].Select(rows => (shape.Item1, shape.Item2, shape.Item3, rows)));

    [Fact]
    public void EveryCell_IsReadAsWritten_WhateverTheDelimiterQuotingAndContent()
    {
        Roster.Sample(roster =>
        {
            var (delimiter, quoteAll, newLine, rows) = roster;
            var columns = rows[0].Length;
            var text = new StringBuilder();
            text.AppendJoin(delimiter, Enumerable.Range(1, columns).Select(c => "列" + c.ToString(CultureInfo.InvariantCulture))).Append(newLine);
            // Each row starts with an id, so that no row is blank and skipped as an empty line.
            var written = rows.Select((cells, r) => cells.Select((c, i) => i == 0 ? "R" + r.ToString(CultureInfo.InvariantCulture) + c : c).ToArray()).ToArray();
            foreach (var cells in written)
                text.AppendJoin(delimiter, cells.Select(c => Quote(c, quoteAll))).Append(newLine);

            // Sylvan reading each cell in turn is the reference: a one-column roster with "\r\n" line
            // endings, say, comes out of it with a '\n' before each cell (the binder trims it).
            var reference = Sylvan(text.ToString());
            if (columns > 1) Assert.Equal(written, reference);

            using var source = RosterSource.Open(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())), "名单.csv");
            var row = new RawRow();
            foreach (var expected in reference)
            {
                Assert.True(source.Read(row));
                Assert.Null(row.Problem);
                Assert.Equal(expected, Cells(row));
            }
            Assert.False(source.Read(row));
        }, iter: 3_000);
    }

    /// <summary>Rows written any way at all, as garbage comes: cells unquoted whatever they hold,
    /// comment lines, blank lines, each line ending its own way.</summary>
    private static readonly Gen<string> Line = Gen.Frequency(
        (8, Gen.Select(Cell.Array[1, 6], Gen.Bool).Select(row => string.Join(",", row.Item1.Select(c => Quote(c, row.Item2))))),
        (2, Cell.Array[1, 6].Select(row => string.Join(",", row))),
        (1, Gen.OneOf("#注释,行", "", " ", ",,", "\"未闭合,1", "\"a\"b,2", "a\"b,3", "\"\"\"\",4")));

    private static readonly Gen<(string Text, int Buffer)> AnyText =
        Gen.Select(Gen.OneOf("企业标识,名称,备注", "a;b;c", "a\tb", "\"引,号\",b", "单列", "#注释,x", ""),
            Gen.Select(Line, Gen.OneOf("\n", "\r\n", "\r")).Array[0, 25], Gen.OneOf("\n", "\r\n", "\r"), Gen.Int[16, 200])
        .Select(t => (t.Item1 + t.Item3 + string.Concat(t.Item2.Select(l => l.Item1 + l.Item2)), t.Item4));

    [Fact]
    public void AnyText_IsReadAsSylvanReadsItWhole_RowsBlankLinesAndErrors()
    {
        AnyText.Sample(sample =>
        {
            var (text, buffer) = sample;
            var expected = SylvanWhole(text);
            foreach (var size in new[] { buffer, 1 << 17 })
            {
                var rows = new List<string[]>();
                string? error = null;
                IReadOnlyList<string>? headers = null;
                long empty = 0;
                try
                {
                    using var source = new CsvRosterSource(new MemoryStream(Encoding.UTF8.GetBytes(text)), size);
                    headers = source.Headers;
                    var row = new RawRow();
                    while (source.Read(row)) rows.Add(Cells(row));
                    empty = source.EmptyRows;
                }
                catch (RosterFormatException e)
                {
                    error = e.Message;
                }
                Assert.Equal(expected.Headers, headers);
                Assert.Equal(expected.Rows, rows);
                Assert.Equal(expected.Failed, error is not null);
                if (error is null) Assert.Equal(expected.Empty, empty);
            }
        }, iter: 5_000);
    }

    /// <summary>What Sylvan alone makes of the whole text, as the roster read it before it split records itself.</summary>
    private static (IReadOnlyList<string>? Headers, List<string[]> Rows, long Empty, bool Failed) SylvanWhole(string text)
    {
        var rows = new List<string[]>();
        long empty = 0;
        IReadOnlyList<string>? headers = null;
        try
        {
            using var reader = global::Sylvan.Data.Csv.CsvDataReader.Create(new StringReader(text),
                new global::Sylvan.Data.Csv.CsvDataReaderOptions { HasHeaders = true, BufferSize = 1 << 16, MaxBufferSize = 16 << 20 });
            headers = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            while (reader.Read())
            {
                var cells = Enumerable.Range(0, reader.RowFieldCount).Select(i => reader.GetFieldSpan(i).ToString()).ToArray();
                if (cells.All(string.IsNullOrWhiteSpace)) empty++;
                else rows.Add(cells);
            }
            return (headers, rows, empty, false);
        }
        catch (global::Sylvan.Data.Csv.CsvFormatException)
        {
            return (headers, rows, empty, true);
        }
    }

    [Fact]
    public void ACellOverTheLimit_IsRefusedByItsLength_AndTheRowsAroundItReadAsWritten()
    {
        var longCell = new string('长', RosterSource.MaxCellLength + 1);
        var csv = $"企业标识,名称,备注\r\nA1,\"x,y\",\r\nA2,{longCell},z\r\nA3,,\"引\"\"号\"\r\n";
        using var source = RosterSource.Open(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "名单.csv");
        var row = new RawRow();
        Assert.True(source.Read(row));
        Assert.Equal(["A1", "x,y", ""], Cells(row));
        Assert.True(source.Read(row));
        Assert.NotNull(row.Problem);
        Assert.Equal("名称", row.Problem!.Field);
        Assert.Equal(["A2", "", "z"], Cells(row));
        Assert.True(source.Read(row));
        Assert.Equal(["A3", "", "引\"号"], Cells(row));
    }

    /// <summary>The rows Sylvan reads from the text cell by cell, blank rows left out as a roster skips them.</summary>
    private static List<string[]> Sylvan(string text)
    {
        using var reader = global::Sylvan.Data.Csv.CsvDataReader.Create(new StringReader(text));
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var cells = Enumerable.Range(0, reader.RowFieldCount).Select(i => reader.GetFieldSpan(i).ToString()).ToArray();
            if (!cells.All(string.IsNullOrWhiteSpace)) rows.Add(cells);
        }
        return rows;
    }

    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create(",;\t\"\r\n");

    private static string[] Cells(RawRow row) => Enumerable.Range(0, row.CellCount).Select(i => row.Cell(i).ToString()).ToArray();

    /// <summary>As a spreadsheet writes a cell: quoted when it must be (or always), quotes doubled. A
    /// cell holding any delimiter Sylvan might detect is quoted too: a one-column roster shows none.</summary>
    private static string Quote(string cell, bool always) =>
        always || cell.AsSpan().IndexOfAny(Special) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
