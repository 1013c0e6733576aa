using Xunit;
using Srdi.Application.Rosters;

namespace Srdi.Tests.Rosters;

public class RepeatedAreasTests
{
    [Theory]
    [InlineData(46)]   // the generated rosters' places
    [InlineData(300)]  // a province's cities and districts
    [InlineData(3000)] // the country's districts
    public void EveryPlaceOfARoster_IsOneObject_HoweverManyRowsAndPlacesThereAre(int count)
    {
        var areas = new RepeatedAreas();
        // Interned names, as the binders give them: the same string objects for the same name.
        var places = Enumerable.Range(0, count)
            .Select(i => (Province: string.Intern("省" + N(i % 3)), City: string.Intern("市" + N(i % 17)), District: string.Intern("区" + N(i)))).ToArray();
        var first = places.Select(p => areas.Place(p.Province, p.City, p.District)).ToArray();
        for (var round = 0; round < 3; round++)
            for (var i = 0; i < count; i++)
                Assert.Same(first[i], areas.Place(places[i].Province, places[i].City, places[i].District));
        Assert.All(first.Zip(places), x => Assert.Equal((x.Second.Province, x.Second.City, x.Second.District, (DateOnly?)null),
            (x.First.Province, x.First.City, x.First.District, x.First.Since)));
    }

    [Fact]
    public void NamesNotInterned_StillGiveTheirOwnPlace()
    {
        var areas = new RepeatedAreas();
        for (var i = 0; i < 2000; i++)
        {
            var district = new string('区', 1 + i % 5) + N(i);
            var place = areas.Place("广东省", "深圳市", district);
            Assert.Equal(("广东省", "深圳市", district), (place.Province, place.City, place.District));
        }
    }

    private static string N(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
