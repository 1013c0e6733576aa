using System.Globalization;
using Srdi.Application.Rosters;
using Srdi.Engine;
using Srdi.Engine.Evaluation;
using Srdi.Model.Policies;
using Srdi.Model.Profiles;
using Srdi.Tests.Catalog;
using Srdi.Tools.Rosters;
using Xunit;

namespace Srdi.Tests.Engine;

/// <summary>The area index must give exactly what checking every document gives
/// (<see cref="CompiledCatalog.EvaluateEveryDocument"/>), for every profile: full, partial and
/// missing areas, names with and without 省/市/区, moved-in dates before and after the evaluation
/// date, and a catalog whose documents are copied to other cities, provinces and districts.</summary>
public sealed class AreaIndexTests : IDisposable
{
    private static readonly DateOnly At = new(2025, 6, 1);
    private readonly string _folder = Directory.CreateTempSubdirectory("srdi-area-index-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The real documents, each also copied to another city of its province, to a city of
    /// another province, to the province as a whole (no city), to a district of another city, and
    /// to a district with no city; one copy spells its area without 省/市/区 and with spaces.</summary>
    private static PolicyCatalog CopiedCatalog()
    {
        var real = RealCatalog.Navigator.Catalog;
        var documents = new List<PolicyDocument>();
        var n = 0;
        foreach (var d in real.Documents)
        {
            documents.Add(d);
            foreach (var area in new Area[]
            {
                new(d.Area.Province, "合成一市", d.Area.District is null ? null : "合成一区"),
                new("河北省", "合成二市", d.Area.District),
                new(d.Area.Province, null, null),
                new(d.Area.Province, d.Area.City, "合成三区"),
                new(d.Area.Province, null, "南山区"),
                new(" " + AreaNames.Normalize(d.Area.Province), AreaNames.Normalize(d.Area.City!) + " ", d.Area.District is null ? null : AreaNames.Normalize(d.Area.District)),
            })
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"{d.Id}-copy{++n}");
                documents.Add(d with { Id = id, Area = area, Measures = d.Measures.Select(m => m with { Id = id + m.Id[d.Id.Length..], DocumentId = id }).ToList() });
            }
        }
        return real with { Documents = documents };
    }

    /// <summary>Generated enterprises (their certificates and facts fit the measures of their
    /// city), each then placed at random: where it was, in a copy's area, in no document's area,
    /// with parts of its area missing or spelt differently, moved in before or after the date.</summary>
    private List<EnterpriseProfile> Profiles(int count, int seed)
    {
        var navigator = RealCatalog.Navigator;
        var roster = Path.Combine(_folder, string.Create(CultureInfo.InvariantCulture, $"roster-{seed}.jsonl"));
        new RosterGenerator(navigator.Catalog, new GeneratorOptions(count, seed, At, [])).Write(roster, new RosterLayout(navigator.Compiled));
        var random = new Random(seed);
        string? Pick(params string?[] names) => names[random.Next(names.Length)];
        return File.ReadLines(roster).Select(line =>
        {
            var profile = navigator.Profiles.ReadText(line);
            var area = profile.Area;
            var since = Pick(null, "2010-01-01", "2025-06-01", "2025-06-02") is { } s ? DateOnly.Parse(s, CultureInfo.InvariantCulture) : (DateOnly?)null;
            var placed = random.Next(8) switch
            {
                0 => area,
                1 => null,
                2 => new EnterpriseArea(Pick(area?.Province, "广东省", "广东", "江苏省", "河北省", null), Pick(area?.City, "深圳", "深圳市 ", "合成一市", "合成二", "南京市", null),
                    Pick(area?.District, "南山区", "南山", "合成一区", "合成三区", "福田区", null), since),
                3 => area is null ? null : area with { District = null, Since = since },
                4 => area is null ? null : area with { City = null, Since = since },
                5 => area is null ? null : area with { Province = null, Since = since },
                6 => area is null ? null : area with { Since = since },
                _ => new EnterpriseArea(Pick("广东省", "福建省", "江苏省", "河北省"), Pick("合成一市", "合成二市", "深圳市", "厦门市", "广州市", "南京市"),
                    Pick("合成一区", "合成三区", "南山区", "思明区", "市辖区"), since),
            };
            return profile with { Area = placed };
        }).ToList();
    }

    [Fact]
    public void FastPath_GivesWhatCheckingEveryDocumentGives_ForRandomAreasOverACopiedCatalog()
    {
        var catalog = CompiledCatalog.Compile(CopiedCatalog());
        var outcomes = catalog.NewOutcomes(); // reused row after row, as a batch worker does
        var linear = new MeasureOutcome[catalog.Measures.Count];
        var plain = new MeasureOutcome[catalog.Measures.Count];
        var record = catalog.NewRecord();
        var evaluatedSome = 0;
        foreach (var profile in Profiles(600, 7))
        {
            record.Load(profile);
            catalog.EvaluateEveryDocument(record, At, linear);
            catalog.Evaluate(record, At, outcomes);
            catalog.Evaluate(record, At, plain);

            var evaluated = new bool[linear.Length];
            var previousEnd = 0;
            foreach (var range in outcomes.Evaluated)
            {
                Assert.True(range.Start >= previousEnd, "ranges ascend");
                previousEnd = range.End;
                for (var i = range.Start; i < range.End; i++) evaluated[i] = true;
            }
            for (var i = 0; i < linear.Length; i++)
            {
                var outside = linear[i].Status == MeasureStatus.Ineligible && linear[i].FailedAt == 0;
                // Evaluated exactly where the document's area may include the enterprise.
                Assert.Equal(!outside, evaluated[i]);
                AssertSame(linear[i], outcomes.All[i], catalog.Measures[i].Id, profile.Area);
                AssertSame(linear[i], plain[i], catalog.Measures[i].Id, profile.Area);
            }
            Assert.Equal(catalog.TotalsOf(linear), catalog.TotalsOf(outcomes));
            if (outcomes.Evaluated.Length > 0) evaluatedSome++;
        }
        Assert.InRange(evaluatedSome, 100, 600);
    }

    [Fact]
    public void ExplainedPath_ListsTheMeasuresOfTheDocumentsThatMayApply_AsCheckingEveryDocumentDecides()
    {
        var catalog = CompiledCatalog.Compile(CopiedCatalog());
        var linear = new MeasureOutcome[catalog.Measures.Count];
        var record = catalog.NewRecord();
        var documents = catalog.Catalog.Documents;
        foreach (var profile in Profiles(150, 8))
        {
            record.Load(profile);
            catalog.EvaluateEveryDocument(record, At, linear);
            var report = catalog.Evaluate(profile, At);
            var expected = documents.Where(d => AreaMatch.Check(d.Area, profile.Area, At) != Truth.False).ToList();
            Assert.Equal(expected.SelectMany(d => d.Measures).Select(m => m.Id), report.Measures.Select(m => m.Measure.Id));
            Assert.Equal(documents.Except(expected).Select(d => d.Id), report.Elsewhere.Select(d => d.Id));
            var index = catalog.Measures.Select((m, i) => (m.Id, i)).ToDictionary(x => x.Id, x => x.i);
            foreach (var result in report.Measures)
            {
                var o = linear[index[result.Measure.Id]];
                Assert.Equal(o.Status, result.Status);
                Assert.Equal(o.ExcludedBy >= 0 ? catalog.Measures[o.ExcludedBy].Id : null, result.ExcludedBy);
                // Money means something only when the measure is not ineligible (MeasureOutcome):
                // the reused buffer keeps an earlier row's there, the report none.
                if (o.Status == MeasureStatus.Ineligible)
                {
                    Assert.Equal(0, result.Exact + result.UpTo + result.ScheduleTotal);
                    continue;
                }
                Assert.Equal(o.Exact, result.Exact);
                Assert.Equal(o.UpTo, result.UpTo);
                Assert.Equal(o.Scheduled, result.ScheduleTotal);
            }
            var (inForce, drafts) = catalog.TotalsOf(linear);
            Assert.Equal(inForce, report.InForce);
            Assert.Equal(drafts, report.Drafts);
        }
    }

    [Fact]
    public void OneAreaObject_SharedByRows_IsLookedUpAfreshWhereTheDateDecides()
    {
        // A roster's rows share their area object (RepeatedAreas), and a worker remembers its
        // lookups by that object: the registration date must still count on every date.
        var catalog = RealCatalog.Navigator.Compiled;
        var outcomes = catalog.NewOutcomes();
        var record = catalog.NewRecord();
        var area = new EnterpriseArea("广东省", "深圳市", "南山区", new DateOnly(2025, 6, 2));
        int Documents(DateOnly at)
        {
            record.Clear();
            record.Area = area;
            catalog.Evaluate(record, at, outcomes);
            return outcomes.Evaluated.Length;
        }
        Assert.Equal(0, Documents(new DateOnly(2025, 6, 1)));
        Assert.Equal(2, Documents(new DateOnly(2025, 6, 3)));
        Assert.Equal(0, Documents(new DateOnly(2025, 6, 1)));
        Assert.Equal(2, Documents(new DateOnly(2025, 6, 3)));
    }

    [Fact]
    public void NamesWithOrWithoutTheirSuffix_FindTheSameDocuments()
    {
        var catalog = RealCatalog.Navigator.Compiled;
        var outcomes = catalog.NewOutcomes();
        var record = catalog.NewRecord();
        string[] Evaluated(EnterpriseArea area)
        {
            record.Clear();
            record.Area = area;
            catalog.Evaluate(record, At, outcomes);
            var ids = new List<string>();
            foreach (var range in outcomes.Evaluated) ids.Add(catalog.Measures[range.Start].DocumentId);
            return ids.ToArray();
        }
        Assert.Equal(["shenzhen-draft", "sz-nanshan-2024"], Evaluated(new EnterpriseArea("广东省", "深圳市", "南山区", null)));
        Assert.Equal(["shenzhen-draft", "sz-nanshan-2024"], Evaluated(new EnterpriseArea("广东", " 深圳", "南山", null)));
        Assert.Equal(["shenzhen-draft"], Evaluated(new EnterpriseArea("广东省", "深圳市", "福田区", null)));
        // District unknown: the district's document may apply (needs-info), the city's does.
        Assert.Equal(["shenzhen-draft", "sz-nanshan-2024"], Evaluated(new EnterpriseArea("广东省", "深圳市", null, null)));
        Assert.Equal(["guangzhou-2025", "shenzhen-draft", "sz-nanshan-2024"], Evaluated(new EnterpriseArea("广东省", null, null, null)));
        Assert.Empty(Evaluated(new EnterpriseArea("广东省", "深圳市", "南山区", new DateOnly(2025, 6, 2))));
        Assert.Empty(Evaluated(new EnterpriseArea("北京市", "北京市", "海淀区", null)));
        // The same document under a province of another name does not apply.
        Assert.Empty(Evaluated(new EnterpriseArea("福建省", "深圳市", "南山区", null)));
    }

    [Fact]
    public void AnEnterpriseWithoutArea_IsAskedForItAcrossTheWholeCatalog()
    {
        var catalog = RealCatalog.Navigator.Compiled;
        var record = catalog.NewRecord();
        var outcomes = catalog.NewOutcomes();
        catalog.Evaluate(record, At, outcomes);
        Assert.Equal(RealCatalog.Navigator.Catalog.Documents.Count, outcomes.Evaluated.Length);
        foreach (var o in outcomes.All) Assert.NotEqual(MeasureStatus.Eligible, o.Status);
        Assert.Contains(outcomes.All.ToArray(), o => o.Status == MeasureStatus.NeedsInfo);
    }

    private static void AssertSame(in MeasureOutcome expected, in MeasureOutcome actual, string measure, EnterpriseArea? area)
    {
        var where = $"{measure} for {area}";
        Assert.True(expected.Status == actual.Status, $"{where}: status {expected.Status} ≠ {actual.Status}");
        Assert.True(expected.FailedAt == actual.FailedAt, string.Create(CultureInfo.InvariantCulture, $"{where}: failed at {expected.FailedAt} ≠ {actual.FailedAt}"));
        Assert.True(expected.Kind == actual.Kind, $"{where}: kind");
        Assert.True(expected.WouldBe == actual.WouldBe, $"{where}: would be");
        Assert.True(expected.ExcludedBy == actual.ExcludedBy, $"{where}: excluded by");
        Assert.True(expected.HasMissing == actual.HasMissing, $"{where}: missing");
        // Money means something only when the measure is not ineligible (MeasureOutcome).
        if (expected.Status == MeasureStatus.Ineligible) return;
        Assert.True(expected.Exact == actual.Exact && expected.UpTo == actual.UpTo && expected.Scheduled == actual.Scheduled, $"{where}: money");
        Assert.True(expected.CountedExact == actual.CountedExact && expected.CountedUpTo == actual.CountedUpTo && expected.CountedScheduled == actual.CountedScheduled, $"{where}: counted");
        Assert.True(expected.OthersExact == actual.OthersExact && expected.OthersUpTo == actual.OthersUpTo && expected.OthersScheduled == actual.OthersScheduled, $"{where}: others");
        Assert.True(expected.Budgeted == actual.Budgeted, $"{where}: budgeted");
    }
}
