using System.Globalization;
using System.Text;
using CsCheck;
using Srdi.Application.Profiles;
using Srdi.Application.Rosters;
using Srdi.Engine.Runtime;
using Srdi.Model.Sources;
using Srdi.Model.Vocabulary;
using Srdi.Tests.Catalog;
using Srdi.Tools.Rosters;
using Xunit;

namespace Srdi.Tests.Rosters;

/// <summary>CSV cells are bound where they lie, as characters, instead of as one string each. The
/// binder and the cell parsers must take exactly what they took from strings, fill the same record
/// and word every refusal the same: the binder and parsers as they were (<see cref="LegacyRowBinder"/>,
/// <see cref="LegacyCellValues"/>) are the oracle.</summary>
public sealed class RowBinderTests
{
    private static readonly DateOnly At = new(2025, 6, 1);

    private static long Cases =>
        long.TryParse(Environment.GetEnvironmentVariable("SRDI_FUZZ_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 100_000;

    private static string? Seed => Environment.GetEnvironmentVariable("SRDI_FUZZ_SEED") is { Length: > 0 } s ? s : null;

    /// <summary>Cells as staff write them and as they mistype them: units, separators, signs, blanks,
    /// case, lookalike letters, broken dates and lists, and characters number parsing tolerates ('\0').</summary>
    private static readonly string[] Tricky =
    [
        "", " ", "\t", "\u3000", "0", "-0", "1", "-5", "+5", "1.5", "1.25", "1.234", ".5", "5.", "0.035", "3.5%", "7‰", "500万", "500万元", "2亿", "2亿元",
        "1,000", "1 000", " 42 ", "1e5", "0x10", "123456789012345678", "1234567890123456789", "99999999999999999999999999万",
        "79228162514264337593543950336", "1000000000000000", "1000000000000001", "1000000001", "12\0", "万", "%", "--1", "１２",
        "是", "否", " 是 ", "true", "TRUE", "True", "false", "yes", "YES", "y", "N", "no", "1 ", "falſe", "İ", "yeſ", "是否",
        "2024-07-15", " 2024-07-15 ", "2024-02-29", "2023-02-29", "2024-13-01", "2024-1\0-15", "2024/7/5", "2024/07/05", "2024-7-5", "2024.7.5",
        "1899-12-31", "1900-01-01", "2200-12-31", "2201-01-01", "0000-01-01", "2024-07-15T00:00", "15/07/2024",
        "[]", " [] ", "[ ]", "[", "{}", "null", "[{}]", "[1]", """[{"principal":7212000,"rate":0.034}]""", """[{"principal":"500万","rate":"3.4%"}]""",
        """[{"principal":-1,"rate":0.034}]""", """[{"principal":1,"principal":2}]""", """[{"nope":1}]""", """[{"premium":14706000,"rate":0.033}] /* c */""",
        """[{"premium":1,"rate":0.5},]""", """[{"premium":1,"rate":0.5}] x""", """[{"level":"行业标准","role":"主导","action":"制定","published_on":"2025-05-04","rewarded_before":true}]""",
        """[{"level":"行业标准","published_on":"2025-02-30"}]""", "[\"\ud800\"]", "\ud800",
        "工业", "软件和信息技术服务业", "农业以外", "小型", "省级", "国家级", "national", "provincial", "广东省", "深圳市", "南山区", "朝阳区", "广东",
    ];

    private static readonly Gen<string> TrickyCell = Gen.OneOf(Gen.Int[0, Tricky.Length - 1].Select(i => Tricky[i]), Gen.String[Gen.Char["0123456789-./万亿元%, 是否yesnotrf\0\t"], 0, 12]);

    [Theory]
    [InlineData("", false, "0")]
    [InlineData("0", true, "0")]
    [InlineData("-5", true, "-5")]
    [InlineData("1.25", true, "1.25")]
    [InlineData(" 42 ", true, "42")]
    [InlineData("500万", true, "5000000")]
    [InlineData("500万元", true, "5000000")]
    [InlineData("-1.5万", true, "-15000")]
    [InlineData("2亿", true, "200000000")]
    [InlineData("3.5%", true, "0.035")]
    [InlineData("1,000", true, "1000")]
    [InlineData("abc", false, "0")]
    [InlineData("万", false, "0")]
    [InlineData("1e5", false, "0")]
    [InlineData("99999999999999999999999999万", false, "0")]
    [InlineData("79228162514264337593543950336", false, "0")]
    [InlineData("123456789012345678", true, "123456789012345678")]
    [InlineData("1234567890123456789", true, "1234567890123456789")]
    public void Quantity_ReadsACellsCharacters_AsItReadsItsString(string text, bool parsed, string expected)
    {
        Assert.Equal(parsed, Quantity.TryParse(text.AsSpan(), out var fromSpan));
        Assert.Equal(parsed, Quantity.TryParse(text, out var fromString));
        Assert.Equal(fromString, fromSpan);
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), fromSpan);
    }

    [Theory]
    [InlineData(FactType.Money, "", false, "应为金额（如 5000000 或 500万），实际为 \"\"")]
    [InlineData(FactType.Money, "-5", false, "金额不能为负数：-5")]
    [InlineData(FactType.Money, " -5 ", false, "金额不能为负数：-5")]
    [InlineData(FactType.Money, "1.234", false, "金额最多精确到分（两位小数）：1.234")]
    [InlineData(FactType.Money, "1.23", true, "")]
    [InlineData(FactType.Money, "500万", true, "")]
    [InlineData(FactType.Money, "20000000亿", false, "金额超出上限 1000万亿元（10^15 元）：20000000亿")]
    [InlineData(FactType.Money, "garbage", false, "应为金额（如 5000000 或 500万），实际为 \"garbage\"")]
    [InlineData(FactType.Rate, "3.5%", true, "")]
    [InlineData(FactType.Rate, "1.5", false, "比率应在 0 到 1 之间（3.5% 写作 0.035 或 3.5%），实际为 1.5")]
    [InlineData(FactType.Count, "1.5", false, "应为非负整数，实际为 1.5")]
    [InlineData(FactType.Count, "1000000001", false, "数量超出上限 10 亿（10^9）：1000000001")]
    public void Numbers_AreReadFromCharacters_WithTheSameWords(FactType type, string text, bool parsed, string error)
    {
        Assert.Equal(parsed, CellValues.TryNumber(type, text.AsSpan(), out var value, out var message));
        Assert.Equal(error, message);
        Assert.Equal(LegacyCellValues.TryNumber(type, text, out var legacy, out var legacyMessage), parsed);
        Assert.Equal(legacyMessage, message);
        Assert.Equal(legacy, value);
    }

    [Fact]
    public void EveryTrickyCell_IsReadAsBefore_AsANumberADateAYesOrNo()
    {
        foreach (var text in Tricky) SameCell(text);
    }

    [Fact]
    public void AnyCell_IsReadAsBefore_AsANumberADateAYesOrNo()
    {
        Gen.OneOf(TrickyCell, Gen.String).Sample(SameCell, seed: Seed, iter: Math.Max(1, Cases / 4), print: CellValues.Clip);
    }

    private static void SameCell(string text)
    {
        foreach (var type in new[] { FactType.Money, FactType.Rate, FactType.Count, FactType.Number })
        {
            Assert.Equal(LegacyCellValues.TryNumber(type, text, out var legacy, out var legacyError), CellValues.TryNumber(type, text.AsSpan(), out var value, out var error));
            Assert.Equal(legacyError, error);
            Assert.Equal(legacy, value);
            Assert.Equal(legacy.Scale, value.Scale);
        }
        Assert.Equal(Quantity.TryParse(text, out var q), Quantity.TryParse(text.AsSpan(), out var qs));
        Assert.Equal(q, qs);
        Assert.Equal(LegacyCellValues.TryBool(text, out var b), CellValues.TryBool(text.AsSpan(), out var bs));
        Assert.Equal(b, bs);
        Assert.Equal(LegacyCellValues.TryDate(text, out var d), CellValues.TryDate(text.AsSpan(), out var ds));
        Assert.Equal(d, ds);
    }

    [Theory]
    [InlineData("是", true, true)]
    [InlineData(" TRUE ", true, true)]
    [InlineData("Yes", true, true)]
    [InlineData("否", true, false)]
    [InlineData("0", true, false)]
    [InlineData("falſe", false, false)]
    [InlineData("yesno", false, false)]
    [InlineData("", false, false)]
    public void YesAndNo_AreReadFromCharacters(string text, bool parsed, bool expected)
    {
        Assert.Equal(parsed, CellValues.TryBool(text.AsSpan(), out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("2024-07-15", true)]
    [InlineData(" 2024-07-15 ", true)]
    [InlineData("2024/7/5", true)]
    [InlineData("2024-02-29", true)]
    [InlineData("2023-02-29", false)]
    [InlineData("1899-12-31", false)]
    [InlineData("2201-01-01", false)]
    [InlineData("", false)]
    [InlineData("2024-07-1x", false)]
    public void Dates_AreReadFromCharacters(string text, bool parsed)
    {
        Assert.Equal(parsed, CellValues.TryDate(text.AsSpan(), out _));
        Assert.Equal(LegacyCellValues.TryDate(text, out _), parsed);
    }

    /// <summary>The generated roster's rows, with cells replaced at random by tricky ones.</summary>
    private static (RosterColumn[] Columns, string?[][] Rows) Roster()
    {
        var generator = new RosterGenerator(RealCatalog.Navigator.Catalog, new GeneratorOptions(400, 11, At, []));
        var columns = new RosterLayout(RealCatalog.Navigator.Compiled).Bind(generator.Keys);
        return (columns, generator.Rows().ToArray());
    }

    [Fact]
    public void AnyRow_IsBoundFromCharacters_AsTheStringBinderBoundIt()
    {
        var (columns, rows) = Roster();
        var vocabulary = RealCatalog.Navigator.Catalog.Vocabulary;
        var binder = new RowBinder(columns, vocabulary, RealCatalog.Navigator.Wording);
        var legacy = new LegacyRowBinder(columns, vocabulary, RealCatalog.Navigator.Wording);
        var mutation = Gen.Int[0, rows.Length - 1].Select(Gen.Int[0, columns.Length].Array[0, 4], TrickyCell.Array[4], Gen.Int[0, 3]);
        long accepted = 0, refused = 0;
        mutation.Sample((r, at, cells, extra) =>
        {
            var row = (string?[])rows[r].Clone();
            for (var i = 0; i < at.Length; i++)
                if (at[i] < row.Length) row[at[i]] = cells[i];
            // A row may be longer than the header (refused), or shorter (the rest unknown).
            if (extra == 1) row = [.. row, cells[0]];
            if (extra == 2) row = row[..Math.Max(1, at.Length > 0 ? at[0] : 1)];
            if (Same(binder, legacy, row)) accepted++;
            else refused++;
        }, seed: Seed, iter: Math.Max(1, Cases / 4), threads: 1, print: x => CellValues.Clip(string.Join(",", x.Item3)));
        Assert.True(accepted > 0 && refused > 0, string.Create(CultureInfo.InvariantCulture, $"{accepted} accepted, {refused} refused"));
    }

    [Fact]
    public void EveryGeneratedRow_ReadFromACsvFile_IsBoundAsTheStringBinderBoundIt()
    {
        var (columns, rows) = Roster();
        var vocabulary = RealCatalog.Navigator.Catalog.Vocabulary;
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(",", columns.Select(c => c.Key)));
        foreach (var row in rows) csv.AppendLine(string.Join(",", row.Select(c => c is null ? "" : "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")));
        using var source = RosterSource.Open(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), "名单.csv");
        var binder = new RowBinder(columns, vocabulary, RealCatalog.Navigator.Wording);
        var legacy = new LegacyRowBinder(columns, vocabulary, RealCatalog.Navigator.Wording);
        var raw = new RawRow();
        var count = 0;
        while (source.Read(raw))
        {
            var record = RealCatalog.Navigator.Compiled.NewRecord();
            var problems = new List<RowProblem>();
            Assert.True(binder.Bind(raw, record, problems), string.Join("; ", problems));
            var expected = RealCatalog.Navigator.Compiled.NewRecord();
            Assert.True(legacy.Bind(rows[count].Select(c => string.IsNullOrEmpty(c) ? null : c).ToArray(), raw.Number, expected, []));
            JsonRowBinderTests.SameRecord(expected, record);
            count++;
        }
        Assert.Equal(rows.Length, count);
    }

    /// <summary>Both binders on one row: the same answer, the same problems in the same words, the same record.</summary>
    private static bool Same(RowBinder binder, LegacyRowBinder legacy, string?[] row)
    {
        var record = RealCatalog.Navigator.Compiled.NewRecord();
        var expected = RealCatalog.Navigator.Compiled.NewRecord();
        List<RowProblem> problems = [], expectedProblems = [];
        Exception? failure = null, expectedFailure = null;
        bool bound = false, expectedBound = false;
        try
        {
            bound = binder.Bind(row, 7, record, problems);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            failure = e;
        }
        try
        {
            expectedBound = legacy.Bind(row, 7, expected, expectedProblems);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            expectedFailure = e;
        }
        // A failure the batch reports for the row (a list cell that is not valid UTF-16) stays one, of the same kind.
        Assert.Equal(expectedFailure?.GetType(), failure?.GetType());
        if (failure is not null) return false;
        Assert.Equal(expectedBound, bound);
        Assert.Equal(expectedProblems, problems);
        if (bound) JsonRowBinderTests.SameRecord(expected, record);
        return bound;
    }
    /// <summary>The whole-number shortcut of the number cells must answer as the general check does,
    /// at every bound of every number type and anywhere between.</summary>
    [Fact]
    public void AWholeNumber_FitsExactlyWhereTheGeneralCheckAcceptsIt()
    {
        long[] bounds = [0, 1, 2, 1_000_000_000, 1_000_000_001, 1_000_000_000_000_000, 1_000_000_000_000_001, 999_999_999_999_999_999, long.MaxValue];
        var types = new[] { FactType.Money, FactType.Rate, FactType.Count, FactType.Number, FactType.Boolean, FactType.Date };
        foreach (var type in types)
            foreach (var whole in bounds)
                Assert.Equal(type is FactType.Boolean or FactType.Date ? false : Srdi.Application.Profiles.FactValues.NumberProblem(type, whole, "") is null, Srdi.Application.Profiles.FactValues.WholeFits(type, whole));
        Gen.Long[0, long.MaxValue].Select(Gen.Int[0, 3]).Sample((whole, t) =>
            Srdi.Application.Profiles.FactValues.WholeFits(types[t], whole) == (Srdi.Application.Profiles.FactValues.NumberProblem(types[t], whole, "") is null), iter: 10_000);
        // The digits shortcut takes exactly what the general integer parser takes without a sign or
        // blanks, but for the trailing '\0' that parser forgives (the decimal parser after it still does).
        Gen.String[Gen.Char["0123456789 +-.a"], 0, 20].Sample(text =>
            Quantity.TryDigits(text, out var digits) == (text.Length is > 0 and <= 18 && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed == digits),
            iter: 20_000);
    }
}
