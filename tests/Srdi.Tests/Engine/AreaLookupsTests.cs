using System.Globalization;
using Srdi.Engine.Evaluation;
using Srdi.Model.Policies;
using Srdi.Model.Profiles;
using Xunit;

namespace Srdi.Tests.Engine;

/// <summary>A worker's remembered area lookups give what the index gives, however many places a
/// roster has and in whatever order its rows come: slots given way and taken again never return
/// another place's documents.</summary>
public sealed class AreaLookupsTests
{
    private static readonly DateOnly At = new(2025, 6, 1);

    [Theory]
    [InlineData(5)]
    [InlineData(46)]
    [InlineData(2_000)] // far more places than slots: every probe taken, slots given way
    public void EveryLookup_IsTheIndexsOwnAnswer(int places)
    {
        // One document per district, so every place has its own set of documents.
        var areas = Enumerable.Range(0, places).Select(Place).ToList();
        var index = new AreaIndex(areas.Select(a => new Area(a.Province!, a.City, a.District)).ToList());
        var objects = areas.Select(a => a with { }).ToList();
        var lookups = new AreaLookups();
        var random = new Random(places);
        for (var row = 0; row < 20_000; row++)
        {
            var area = objects[random.Next(objects.Count)];
            var documents = lookups.Candidates(index, area, At, out var exact);
            var expected = index.Candidates(area, At, out var expectedExact);
            Assert.Equal(expected, documents);
            Assert.Equal(expectedExact, exact);
        }
    }

    [Fact]
    public void APlaceMovedInAfterTheDate_GetsNothing_EvenAfterItWasRemembered()
    {
        var index = new AreaIndex([new Area("广东省", "深圳市", "南山区")]);
        var lookups = new AreaLookups();
        var here = new EnterpriseArea("广东省", "深圳市", "南山区", null);
        Assert.Equal([0], lookups.Candidates(index, here, At, out _));
        var later = here with { Since = At.AddDays(1) };
        Assert.Empty(lookups.Candidates(index, later, At, out _));
        Assert.Equal([0], lookups.Candidates(index, later, At.AddDays(1), out _));
    }

    private static EnterpriseArea Place(int i) => new(
        string.Create(CultureInfo.InvariantCulture, $"合成{i % 7}省"),
        string.Create(CultureInfo.InvariantCulture, $"合成{i % 31}市"),
        string.Create(CultureInfo.InvariantCulture, $"合成{i}区"), null);
}
