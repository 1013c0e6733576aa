using System.Globalization;
using System.Text;
using CsCheck;
using Srdi.Application.Batch;
using Srdi.Application.Profiles;
using Srdi.Application.Rosters;
using Srdi.Application.Tiers;
using Srdi.Model.Vocabulary;
using Srdi.Tests.Catalog;
using Xunit;

namespace Srdi.Tests.Robustness;

/// <summary>Property-based fuzzing of everything a user types in (issue 9): generated roster rows
/// (CSV and JSON Lines, through <see cref="BatchService"/>) and profiles (through the profile
/// reader, evaluation and assessment), and the JSON Lines binder checked against the profile
/// reader on the same profiles. No exception may escape but a refusal naming the file;
/// every row is evaluated or rejected and the counts add up. The case count is
/// <c>SRDI_FUZZ_CASES</c> (default 100,000: half roster rows, half profiles); docs/robustness.md
/// records the 1,000,000-case run.</summary>
public sealed class InputFuzzTests
{
    private static readonly DateOnly At = new(2025, 6, 1);
    private const int RowsPerRoster = 500;

    private static long Cases =>
        long.TryParse(Environment.GetEnvironmentVariable("SRDI_FUZZ_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 100_000;

    private static string? Seed => Environment.GetEnvironmentVariable("SRDI_FUZZ_SEED") is { Length: > 0 } s ? s : null;

    private static CatalogVocabulary Vocabulary => RealCatalog.Navigator.Catalog.Vocabulary;

    // ----- values -----------------------------------------------------------------------------

    /// <summary>Text that breaks things: quotes, separators, newlines, control and wide characters,
    /// numbers beyond every range, dates at the calendar's ends, long strings.</summary>
    private static readonly string[] Nasty =
    [
        "", " ", "深圳\"星\"科技", "\"", "\"\"", "a,b", "a\nb", "a\r\nb", "\t", "\0", "﻿", "𠮷𠮷", "Ａ１", "null", "NaN", "Infinity", "-0",
        "99999999999999999999999999万", "79228162514264337593543950335", "79228162514264337593543950336", "1e400", "-1e400", "1E+28",
        "1000000000000000", "1000000000000000.01", "1000000000000001", "0.001", "0.005", "1e-28", "0.0000000000000000000000000001",
        "-1", "-0.01", "150%", "3.5%", "7‰", "2亿", "2亿元", "500万元", "1,000", "１００", "0x10", "1_000", "+5",
        "9997-01-01", "9999-12-31", "0001-01-01", "1899-12-31", "1900-01-01", "2200-12-31", "2201-01-01", "2024-02-30", "2024/7/15",
        "2024.7.15", "24-07-15", "是", "否", "true", "FALSE", "yes", "1", "0", "2", "[]", "[{}]", "[1]", "{}", "[{\"x\":1}]",
        "[{\"new_equipment_purchase\":1e400}]", "[{\"new_equipment_purchase\":\"99999999999999999999999999万\"}]",
        "[" + string.Join(",", Enumerable.Repeat("{}", 10_001)) + "]",
        "国家级", "省级", "市级", "national", "province", "city", "广东省", "深圳市", "南山区", "不存在区",
        new string('长', RosterSource.MaxCellLength + 1), new string('x', 201),
    ];

    private static readonly Gen<string> NastyText = Gen.OneOf(Nasty);

    private static Gen<string> Decimal(decimal max, int decimals) =>
        Gen.Select(Gen.Long[0, 1_000_000_000_000], Gen.Int[0, decimals], Gen.Int[0, 5], (n, scale, magnitude) =>
            Math.Min(max, n / (decimal)Math.Pow(10, scale) * (magnitude == 5 ? 1000 : 1)).ToString(CultureInfo.InvariantCulture));

    private static readonly Gen<string> Date =
        Gen.Select(Gen.Int[1890, 2210], Gen.Int[1, 12], Gen.Int[1, 28], (y, m, d) => string.Create(CultureInfo.InvariantCulture, $"{y:0000}-{m:00}-{d:00}"));

    /// <summary>A cell for a column: mostly a plausible value of its type, sometimes anything.</summary>
    private static Gen<string> ValueFor(FactType type, IReadOnlyList<string> choices) => Gen.Frequency(
        (6, type switch
        {
            FactType.Money => Gen.OneOf(Decimal(FactValues.MaxMoney, 2), Gen.Long[0, 100_000].Select(n => n.ToString(CultureInfo.InvariantCulture) + "万")),
            FactType.Rate => Gen.OneOf(Decimal(1, 10), Gen.Int[0, 100].Select(n => n.ToString(CultureInfo.InvariantCulture) + "%")),
            FactType.Count => Gen.Long[0, 2_000_000_000].Select(n => n.ToString(CultureInfo.InvariantCulture)),
            FactType.Number => Decimal(FactValues.MaxNumber, 10),
            FactType.Boolean => Gen.OneOf("是", "否", "true", "false"),
            FactType.Date => Date,
            FactType.Choice when choices.Count > 0 => Gen.OneOf(choices.ToArray()),
            _ => NastyText,
        }),
        (3, NastyText),
        (1, Gen.String[0, 12]));

    // ----- roster rows --------------------------------------------------------------------------

    private static readonly IReadOnlyList<RosterColumn> Template = new RosterLayout(RealCatalog.Navigator.Compiled).Template(At.Year);

    private static Gen<string> CellFor(RosterColumn column) => column.Kind switch
    {
        ColumnKind.Id => Gen.Frequency((8, Gen.Int[0, 400].Select(n => "ID" + n.ToString(CultureInfo.InvariantCulture))), (1, Gen.Int[0, 400].Select(n => "id" + n.ToString(CultureInfo.InvariantCulture))), (1, NastyText)),
        ColumnKind.Province => Gen.Frequency((8, Gen.OneOf("广东省", "广东省", "浙江省")), (1, NastyText)),
        ColumnKind.City => Gen.Frequency((8, Gen.OneOf("深圳市", "广州市", "杭州市")), (1, NastyText)),
        ColumnKind.District => Gen.Frequency((8, Gen.OneOf("南山区", "天河区", "福田区")), (1, NastyText)),
        ColumnKind.Since or ColumnKind.CertificateIssued or ColumnKind.CertificateExpires => Gen.Frequency((8, Date), (2, NastyText)),
        ColumnKind.CertificateLevel => Gen.Frequency((8, Gen.OneOf("国家级", "省级", "市级")), (2, NastyText)),
        ColumnKind.CertificateRenewal => Gen.Frequency((8, Gen.OneOf("是", "否")), (2, NastyText)),
        ColumnKind.Fact when column.Fact!.Type == FactType.List => Gen.Frequency((4, Gen.Const("[]")), (4, ListJson(column.Fact)), (2, NastyText)),
        ColumnKind.Fact => ValueFor(column.Fact!.Type, column.Fact.Choices),
        _ => NastyText,
    };

    private static Gen<string> ListJson(FactDefinition fact) =>
        Gen.Int[0, 3].SelectMany(n => SelectAll(fact.Fields.Select(f => ValueFor(f.Type, f.Choices).Select(v => (f, v))))
            .Select(pairs => "{" + string.Join(",", pairs.Select(p => Json(p.f.Name) + ":" + JsonValue(p.f.Type, p.v))) + "}")
            .Array[n])
        .Select(items => "[" + string.Join(",", items) + "]");

    /// <summary>One value from each generator, in order.</summary>
    private static Gen<TOut[]> SelectAll<TOut>(IEnumerable<Gen<TOut>> gens) =>
        gens.Aggregate(Gen.Const(Array.Empty<TOut>()), (all, gen) => all.SelectMany(values => gen.Select(v => (TOut[])[.. values, v])));

    /// <summary>A CSV roster: a random set of the template's columns (the id always), rows of
    /// generated cells, quoted as a spreadsheet writes them; sometimes an extra or a missing
    /// cell, an empty line, or a row whose quoting is broken.</summary>
    private static readonly Gen<(string Text, bool Broken)> CsvRoster =
        Gen.Int[0, Template.Count - 1].Array[1, 12].SelectMany(picked =>
        {
            var columns = new[] { Template[0] }.Concat(picked.Distinct().Where(i => i != 0).Select(i => Template[i])).ToArray();
            var row = SelectAll(columns.Select(CellFor));
            var shape = Gen.Frequency((40, Gen.Const(0)), (1, Gen.Const(1)), (1, Gen.Const(2)), (1, Gen.Const(3)), (1, Gen.Const(4)));
            return Gen.Select(row, shape).Array[RowsPerRoster].Select(rows =>
            {
                var text = new StringBuilder();
                text.AppendJoin(',', columns.Select(c => Csv(c.Header))).Append("\r\n");
                var broken = false;
                foreach (var (cells, kind) in rows)
                {
                    switch (kind)
                    {
                        case 1: text.AppendJoin(',', cells.Select(Csv)).Append(",多余").Append("\r\n"); break;
                        case 2: text.AppendJoin(',', cells.Take(1).Select(Csv)).Append("\r\n"); break;
                        case 3: text.Append("\r\n"); break;
                        case 4:
                            text.Append("\"未闭合,").AppendJoin(',', cells.Skip(1).Select(Csv)).Append("\r\n");
                            broken = true;
                            break;
                        default: text.AppendJoin(',', cells.Select(Csv)).Append("\r\n"); break;
                    }
                }
                return (text.ToString(), broken);
            });
        });

    private static string Csv(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    // ----- profiles -------------------------------------------------------------------------------

    private static string Json(string s) => System.Text.Json.JsonSerializer.Serialize(s);

    /// <summary>A value as JSON: a number when it reads as one, otherwise a string; sometimes the wrong kind.</summary>
    private static string JsonValue(FactType type, string text) =>
        type is FactType.Money or FactType.Rate or FactType.Count or FactType.Number
        && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _) ? text
        : type == FactType.Boolean && text is "true" or "false" ? text
        : Json(text);

    private static readonly FactDefinition[] Facts = Vocabulary.Facts.Values.OrderBy(f => f.Name, StringComparer.Ordinal).ToArray();
    private static readonly string[] Kinds = Vocabulary.Certificates.Keys.Append("giant").ToArray();

    private static readonly Gen<string> FactEntry =
        Gen.Int[0, Facts.Length - 1].SelectMany(i =>
        {
            var fact = Facts[i];
            var value = fact.Type == FactType.List ? ListJson(fact) : ValueFor(fact.Type, fact.Choices).Select(v => JsonValue(fact.Type, v));
            var scalar = fact.Yearly
                ? Gen.Select(Gen.OneOf("2023", "2024", "2025", "1899", "2201", "24", "9999"), value).Array[0, 3]
                    .Select(years => "{" + string.Join(",", years.Select(y => Json(y.Item1) + ":" + y.Item2)) + "}")
                : value;
            return Gen.Frequency((9, scalar), (1, NastyText.Select(Json))).Select(v => Json(fact.Name) + ":" + v);
        });

    private static readonly Gen<string> CertificateJson =
        Gen.Select(Gen.OneOf(Kinds), Gen.Frequency((8, Date), (2, NastyText)), Gen.Frequency((3, Gen.Const((string?)null)), (1, Date.Select(d => (string?)d)), (1, NastyText.Select(t => (string?)t))),
            Gen.OneOf<string?>(null, "national", "province", "city", "国家级"), Gen.OneOf("true", "false", "\"是\"", "null"),
            (kind, issued, expires, level, renewal) =>
                "{\"kind\":" + Json(kind) + ",\"issued_on\":" + Json(issued) + (expires is null ? "" : ",\"expires_on\":" + Json(expires))
                + (level is null ? "" : ",\"level\":" + Json(level)) + ",\"renewal\":" + renewal + "}");

    private static readonly Gen<string> ProfileJson =
        Gen.Select(
            Gen.Frequency((9, Gen.Int[0, 1000].Select(n => Json("ID" + n.ToString(CultureInfo.InvariantCulture)))), (1, NastyText.Select(Json)), (1, Gen.OneOf("1", "null", "[]"))),
            Gen.Frequency((8, Gen.OneOf(("广东省", "深圳市", "南山区"), ("广东省", "广州市", "天河区"), ("浙江省", "杭州市", "西湖区"))), (1, Gen.Select(NastyText, NastyText, NastyText))),
            Gen.Frequency((8, Date), (2, NastyText)),
            CertificateJson.Array[0, 4],
            FactEntry.Array[0, 12],
            Gen.Int[0, 19],
            (id, area, since, certificates, facts, mutation) =>
            {
                var text = "{\"id\":" + id + ",\"name\":\"某某科技\",\"area\":{\"province\":" + Json(area.Item1) + ",\"city\":" + Json(area.Item2)
                    + ",\"district\":" + Json(area.Item3) + ",\"since\":" + Json(since) + "},\"certificates\":[" + string.Join(",", certificates)
                    + "],\"facts\":{" + string.Join(",", facts) + "}}";
                return mutation switch
                {
                    0 => text[..(text.Length / 2)],                                 // cut short
                    1 => text.Replace("\"name\"", "\"id\":\"dup\",\"name\"", StringComparison.Ordinal), // a duplicate key
                    2 => new string('[', 200) + new string(']', 200),               // nested too deep
                    3 => text.Replace(":", ":[", StringComparison.Ordinal),         // wrong kinds everywhere
                    _ => text,
                };
            });

    // ----- properties ----------------------------------------------------------------------------------

    [Fact]
    public void RosterRows_AreEachEvaluatedOrRejected_AndNothingEscapes()
    {
        var rosters = Math.Max(1, Cases / 2 / RowsPerRoster);
        var service = new BatchService(RealCatalog.Navigator);
        CsvRoster.Sample(roster =>
        {
            var memory = new MemoryBatchOutput();
            using var source = RosterSource.Open(new MemoryStream(Encoding.UTF8.GetBytes(roster.Text)), "名单.csv");
            BatchReport report;
            try
            {
                report = service.RunAsync(source, memory, new BatchOptions(At, Lists: false, Workers: 1, ChunkSize: 128), null, CancellationToken.None)
                    .GetAwaiter().GetResult();
            }
            catch (RosterFormatException e) when (roster.Broken)
            {
                // Broken quoting refuses the file, at its row, and nothing else.
                Assert.Contains("行", e.Message, StringComparison.Ordinal);
                return;
            }
            Assert.False(roster.Broken, "a roster with broken quoting was read through");
            var s = report.Statistics;
            Assert.Equal(RowsPerRoster, s.Evaluated + s.Rejected + report.EmptyRows);
            Assert.Equal(s.Evaluated, memory.Enterprises.Count);
            Assert.Equal(s.Rejected, memory.Rejected.Select(p => p.Row).Distinct().LongCount());
            Assert.All(memory.Rejected, p => Assert.True(p.Problem.Length is > 0 and < 400, p.Problem));
        }, seed: Seed, iter: rosters, print: r => CellValues.Clip(r.Text));
    }

    [Fact]
    public void JsonLinesRows_AreEachEvaluatedOrRejected_AndNothingEscapes()
    {
        var rosters = Math.Max(1, Cases / 4 / RowsPerRoster);
        var service = new BatchService(RealCatalog.Navigator);
        ProfileJson.Array[RowsPerRoster].Sample(lines =>
        {
            var memory = new MemoryBatchOutput();
            var text = string.Join("\n", lines.Select(l => l.Replace('\n', ' ').Replace('\r', ' ')));
            using var source = RosterSource.Open(new MemoryStream(Encoding.UTF8.GetBytes(text)), "名单.jsonl");
            var report = service.RunAsync(source, memory, new BatchOptions(At, Lists: false, Workers: 1, ChunkSize: 128), null, CancellationToken.None)
                .GetAwaiter().GetResult();
            var s = report.Statistics;
            Assert.Equal(RowsPerRoster, s.Evaluated + s.Rejected + report.EmptyRows);
            Assert.Equal(s.Evaluated, memory.Enterprises.Count);
            Assert.Equal(s.Rejected, memory.Rejected.Select(p => p.Row).Distinct().LongCount());
        }, seed: Seed, iter: rosters, print: l => CellValues.Clip(string.Join("\n", l)));
    }

    [Fact]
    public void JsonLinesBinder_TakesOnlyWhatTheProfileReaderTakes_AndFillsTheSameRecord()
    {
        // The binder that fills records straight from JSON Lines must never accept a profile the
        // reader refuses, nor fill a record differently; whatever it leaves, the reader decides.
        var binder = new JsonRowBinder(RealCatalog.Navigator.Compiled, Vocabulary);
        long bound = 0, cases = 0;
        ProfileJson.Sample(json =>
        {
            cases++;
            if (Srdi.Tests.Rosters.JsonRowBinderTests.Agrees(binder, json)) bound++;
        }, seed: Seed, iter: Math.Max(1, Cases / 4), threads: 1, print: CellValues.Clip);
        Assert.True(bound > 0 && bound < cases, string.Create(CultureInfo.InvariantCulture, $"{bound} of {cases} bound directly"));
    }

    [Fact]
    public void Profiles_AreReadOrRefusedWithAPath_AndEvaluateAndAssessAtAnyDate()
    {
        var navigator = RealCatalog.Navigator;
        var assessment = new AssessmentService(navigator);
        var dates = new[] { At, new DateOnly(1900, 1, 1), new DateOnly(2200, 12, 31), DateOnly.MaxValue, DateOnly.MinValue };
        Gen.Select(ProfileJson, Gen.Int[0, dates.Length - 1], Gen.Int[0, 9]).Sample((json, d, assess) =>
        {
            Srdi.Model.Profiles.EnterpriseProfile profile;
            try
            {
                profile = navigator.Profiles.ReadText(json);
            }
            catch (ProfileException e)
            {
                Assert.StartsWith("$", e.Path, StringComparison.Ordinal);
                Assert.True(e.Reason.Length is > 0 and < 400, e.Reason);
                return;
            }
            navigator.Evaluate(profile, dates[d]);
            if (assess == 0) assessment.Assess(profile, dates[d]);
        }, seed: Seed, iter: Math.Max(1, Cases / 4), print: x => CellValues.Clip(x.Item1));
    }
}
