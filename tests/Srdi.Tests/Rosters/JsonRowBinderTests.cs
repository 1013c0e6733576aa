using System.Text;
using Srdi.Application.Profiles;
using Srdi.Application.Rosters;
using Srdi.Engine.Runtime;
using Srdi.Tests.Catalog;
using Srdi.Tools.Rosters;
using Xunit;

namespace Srdi.Tests.Rosters;

/// <summary>JSON Lines rows are bound straight into the record; the profile reader stays the one
/// judge of what a profile may hold. The binder may only take what the reader takes, and must fill
/// the record as loading the reader's profile does; whatever it leaves, the reader decides.</summary>
public sealed class JsonRowBinderTests
{
    private static readonly DateOnly At = new(2025, 6, 1);

    private static JsonRowBinder Binder() => new(RealCatalog.Navigator.Compiled, RealCatalog.Navigator.Catalog.Vocabulary);

    /// <summary>What the profile reader makes of the line: the record, or null when it refuses it.</summary>
    internal static EnterpriseRecord? Reference(string json)
    {
        var record = RealCatalog.Navigator.Compiled.NewRecord();
        try
        {
            record.Load(RealCatalog.Navigator.Profiles.ReadText(json));
            return record;
        }
        catch (ProfileException)
        {
            return null;
        }
    }

    /// <summary>The binder agrees with the reader on <paramref name="json"/>; returns whether the binder took it.</summary>
    internal static bool Agrees(JsonRowBinder binder, string json)
    {
        var record = RealCatalog.Navigator.Compiled.NewRecord();
        var bound = binder.TryBind(Encoding.UTF8.GetBytes(json), record);
        if (!bound) return false;
        var expected = Reference(json);
        Assert.True(expected is not null, "the binder took a profile the reader refuses: " + CellValues.Clip(json));
        SameRecord(expected!, record);
        return true;
    }

    internal static void SameRecord(EnterpriseRecord expected, EnterpriseRecord actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Area, actual.Area);
        Assert.Equal(expected.Certificates, actual.Certificates);
        var catalog = RealCatalog.Navigator.Compiled;
        for (var slot = 0; slot < catalog.FactCount; slot++)
        {
            Assert.Equal(expected.IsKnown(slot), actual.IsKnown(slot));
            Assert.Equal(expected.Describe(slot), actual.Describe(slot));
        }
    }

    [Fact]
    public void EveryGeneratedProfile_IsBoundDirectly_IntoTheRecordTheProfileReaderMakes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"srdi-binder-{Guid.NewGuid():N}.jsonl");
        try
        {
            new RosterGenerator(RealCatalog.Navigator.Catalog, new GeneratorOptions(3000, 5, At, [])).Write(path, new RosterLayout(RealCatalog.Navigator.Compiled));
            var binder = Binder();
            var lines = File.ReadAllLines(path);
            Assert.Equal(3000, lines.Length);
            // All of them: a generated roster is what real rosters look like, and none may take the slow way.
            Assert.All(lines, line => Assert.True(Agrees(binder, line), CellValues.Clip(line)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static TheoryData<string, bool> Lines => new()
    {
        // Forms the binder takes itself.
        { """{"id":"A1"}""", true },
        { """{"id":"A1","name":null,"area":null,"certificates":null,"facts":null}""", true },
        { """{"id":"A1", /* 注释 */ "name":"甲",}""", true },
        { """{"\u0069d":"A1","name":"\u7532"}""", true },
        { """{"id":"A1","area":{}}""", true },
        { """{"id":"A1","area":{"province":"广东省","city":"深圳市","district":"南山区","since":"2020-02-29"}}""", true },
        { """{"id":"A1","certificates":[{"kind":"little-giant","issued_on":"2024-07-15","level":"national","renewal":true,"issuer":"工业和信息化部"}]}""", true },
        { """{"id":"A1","certificates":[{"kind":"little-giant","issued_on":"2024-07-15","expires_on":"2027-07-14","renewal":null,"level":null}]}""", true },
        { """{"id":"A1","facts":{"employees":{"2024":59,"2023":null},"sector":"工业","shenzhen_major_project_grants":[]}}""", true },
        { """{"id":"A1","facts":{"employees":null,"rd_expense":{}}}""", true },
        // A fact's name is looked up by its bytes as written, or decoded when it has escapes.
        { """{"id":"A1","facts":{"s\u0065ctor":"工业","employee\u0073":{"2024":3}}}""", true },
        { """{"id":"","name":"空标识也是文字"}""", true },
        // Forms left to the reader, which takes them.
        { """{"id":"A1","facts":{"operating_revenue":{"2024":"2100万"}}}""", false },
        { """{"id":"A1","area":{"since":"2020\u002d02-29"}}""", false },
        // Mistakes, which only the reader words.
        { """{"id":"A1","id":"A2"}""", false },
        { """{"id":"A1","facts":{"employees":{"2024":1},"employees":null}}""", false },
        { """{"id":"A1","facts":{"employees":{"2024":1,"2024":2}}}""", false },
        { """{"id":"A1","facts":{"employees":{"24":1}}}""", false },
        { """{"id":"A1","facts":{"employees":{"2024":-1}}}""", false },
        { """{"id":"A1","facts":{"employees":{"2024":1.5}}}""", false },
        { """{"id":"A1","facts":{"sector":"农业以外"}}""", false },
        { """{"id":"A1","facts":{"no_such_fact":1}}""", false },
        { """{"id":"A1","certificates":[{"kind":"little-giant","issued_on":"2024-07-15","expires_on":"2023-01-01"}]}""", false },
        { """{"id":"A1","certificates":[{"kind":"little-giant"}]}""", false },
        { """{"id":"A1","certificates":[{"kind":"giant","issued_on":"2024-07-15"}]}""", false },
        { """{"id":"A1","area":{"province":"广东","city":"深圳市"}}""", false },
        { """{"id":"A1","area":{"province":"广东省","city":"深圳市","district":"朝阳区"}}""", false },
        { """{"id":"A1","area":{"since":"2024-02-30"}}""", false },
        { """{"id":"A1","area":{"since":"1899-12-31"}}""", false },
        { """{"id":"A1","extra":1}""", false },
        { """{"id":1}""", false },
        { """{"name":"无标识"}""", false },
        { """{"id":"A1"} {"id":"A2"}""", false },
        { """{"id":"A1""", false },
        { """[]""", false },
        { """{"id":"\ud800"}""", false },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void TheBinderTakesOnlyWhatTheReaderTakes(string json, bool bound)
    {
        Assert.Equal(bound, Agrees(Binder(), json));
        if (!bound && json.Contains("2100万", StringComparison.Ordinal)) Assert.NotNull(Reference(json));
    }

    [Fact]
    public void AnOverlongText_IsTheReadersToRefuse()
    {
        var binder = Binder();
        Assert.False(Agrees(binder, "{\"id\":\"" + new string('长', 201) + "\"}"));
        Assert.True(Agrees(binder, "{\"id\":\"" + new string('长', 200) + "\"}"));
        Assert.False(Agrees(binder, "{\"id\":\"A1\",\"certificates\":[" + string.Join(",", Enumerable.Repeat("{\"kind\":\"innovative-sme\",\"issued_on\":\"2024-01-01\"}", 101)) + "]}"));
        Assert.True(Agrees(binder, "{\"id\":\"A1\",\"certificates\":[" + string.Join(",", Enumerable.Repeat("{\"kind\":\"innovative-sme\",\"issued_on\":\"2024-01-01\"}", 100)) + "]}"));
    }
}
