using Srdi.Engine.Runtime;
using Srdi.Model.Profiles;
using Srdi.Model.Vocabulary;
using Srdi.Tests.Catalog;
using Xunit;

namespace Srdi.Tests.Engine;

/// <summary>A record keeps only the facts set, in one dense array reused row after row: what a
/// rule reads must be what was set last (a scalar) or first (a year), and nothing of an earlier
/// row may survive <see cref="EnterpriseRecord.Clear"/>.</summary>
public sealed class EnterpriseRecordTests
{
    private static readonly Srdi.Engine.Evaluation.CompiledCatalog Catalog = RealCatalog.Navigator.Compiled;

    private static int Slot(string fact) => Catalog.TryGetSlot(fact, out var slot) ? slot : throw new KeyNotFoundException(fact);

    [Fact]
    public void AScalarSetTwice_ReadsTheLastValue()
    {
        var record = Catalog.NewRecord();
        record.SetText(Slot("size_class"), "中型");
        record.SetText(Slot("size_class"), "小型");
        Assert.Equal("小型", record.Scalar(Slot("size_class")).Text);
        Assert.Equal("\"小型\"", record.Describe(Slot("size_class")));
    }

    [Fact]
    public void Years_AreReadByYear_TheFirstSetOfARepeatedYearHolds_AndDescribedInOrder()
    {
        var record = Catalog.NewRecord();
        var revenue = Slot("operating_revenue");
        record.SetNumber(revenue, 2024, 300m);
        record.SetNumber(revenue, 2022, 100m);
        record.SetNumber(revenue, 2023, 200m);
        record.SetNumber(revenue, 2024, 999m);
        Assert.Equal(100m, record.ForYear(revenue, 2022).Number);
        Assert.Equal(200m, record.ForYear(revenue, 2023).Number);
        Assert.Equal(300m, record.ForYear(revenue, 2024).Number);
        Assert.True(record.ForYear(revenue, 2025).IsUnknown);
        // A yearly fact has no value without a year.
        Assert.True(record.Scalar(revenue).IsUnknown);
        Assert.Equal("2022年 100；2023年 200；2024年 300；2024年 999", record.Describe(revenue));
    }

    [Fact]
    public void ManyFacts_AreEachKept_AndClearForgetsThemAll()
    {
        var record = Catalog.NewRecord();
        var numbers = Enumerable.Range(0, Catalog.FactCount).Where(s => Catalog.FactAt(s) is { Type: FactType.Money or FactType.Count, Yearly: false }).ToList();
        var yearly = Enumerable.Range(0, Catalog.FactCount).Where(s => Catalog.FactAt(s) is { Type: FactType.Money or FactType.Count, Yearly: true }).ToList();
        Assert.True(numbers.Count + yearly.Count > 16, "enough facts to outgrow the record's first array");
        foreach (var s in numbers) record.SetNumber(s, s + 1);
        foreach (var s in yearly)
            for (var year = 2020; year <= 2025; year++) record.SetNumber(s, year, s * 10_000 + year);
        foreach (var s in numbers) Assert.Equal(s + 1, record.Scalar(s).Number);
        foreach (var s in yearly)
            for (var year = 2020; year <= 2025; year++) Assert.Equal(s * 10_000 + year, record.ForYear(s, year).Number);

        record.Clear();
        for (var s = 0; s < Catalog.FactCount; s++)
        {
            Assert.False(record.IsKnown(s));
            Assert.True(record.Scalar(s).IsUnknown);
            Assert.True(record.ForYear(s, 2024).IsUnknown);
            Assert.Null(record.Describe(s));
        }

        // Reused: the next row's facts, and only them.
        record.SetNumber(yearly[0], 2024, 5m);
        Assert.True(record.IsKnown(yearly[0]));
        Assert.Equal(5m, record.ForYear(yearly[0], 2024).Number);
        Assert.True(record.ForYear(yearly[0], 2023).IsUnknown);
        Assert.Equal(1, Enumerable.Range(0, Catalog.FactCount).Count(record.IsKnown));
    }

    [Fact]
    public void Certificates_AreHeldOnTheirValidDays_AndClearedWithTheRow()
    {
        var record = Catalog.NewRecord();
        var kind = RealCatalog.Navigator.Catalog.Vocabulary.Certificates.Keys.First();
        record.AddCertificate(new Certificate(kind, CertificateLevel.Province, null, new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31), Renewal: false));
        Assert.NotEqual(0UL, record.HeldOn(new DateOnly(2024, 1, 1)));
        Assert.NotEqual(0UL, record.HeldOn(new DateOnly(2026, 12, 31)));
        Assert.Equal(0UL, record.HeldOn(new DateOnly(2023, 12, 31)));
        Assert.Equal(0UL, record.HeldOn(new DateOnly(2027, 1, 1)));
        record.Clear();
        Assert.Equal(0UL, record.HeldOn(new DateOnly(2025, 1, 1)));
        Assert.Empty(record.Certificates);
    }

    [Fact]
    public void CertificatesAddedByTheirParts_ReadAsTheObjects_InTheOrderAdded_AndGoWithTheRow()
    {
        var record = Catalog.NewRecord();
        var kinds = RealCatalog.Navigator.Catalog.Vocabulary.Certificates.Keys.ToArray();
        var first = new Certificate(kinds[0], CertificateLevel.Province, "省工业和信息化厅", new DateOnly(2023, 3, 1), new DateOnly(2026, 2, 28), Renewal: true);
        var second = new Certificate(kinds[^1], CertificateLevel.National, null, new DateOnly(2025, 7, 1), new DateOnly(2028, 6, 30), Renewal: false);
        record.AddCertificate(first.Kind, first.Level, first.Issuer, first.IssuedOn, first.ExpiresOn, first.Renewal);
        Assert.Equal([first], record.Certificates);
        // One added after the objects were made is among them too.
        record.AddCertificate(second);
        Assert.Equal([first, second], record.Certificates);
        // Both are held on a day of both validities, only the first before the second was issued.
        var both = record.HeldOn(new DateOnly(2025, 8, 1));
        var firstOnly = record.HeldOn(new DateOnly(2025, 6, 30));
        Assert.NotEqual(0UL, firstOnly);
        Assert.NotEqual(firstOnly, both);
        Assert.Equal(firstOnly, both & firstOnly);
        record.Clear();
        Assert.Empty(record.Certificates);
        record.AddCertificate(second.Kind, second.Level, second.Issuer, second.IssuedOn, second.ExpiresOn, second.Renewal);
        Assert.Equal([second], record.Certificates);
        Assert.Equal(0UL, record.HeldOn(new DateOnly(2025, 6, 30)));
    }

    [Fact]
    public void AListWrittenItemByItem_ReadsAsTheSameListSetFromAProfile()
    {
        var slot = Slot("first_use_products");
        var fromProfile = Catalog.NewRecord();
        fromProfile.Set(slot, new List<FactItem>
        {
            new(new Dictionary<string, object> { ["type"] = "成套装备", ["unit_price"] = 6_000_000m, ["in_catalog"] = true }),
            new(new Dictionary<string, object> { ["rewarded_before"] = false }),
        });
        var written = Catalog.NewRecord();
        var items = written.BeginList(slot);
        items.AddItem();
        // Fields numbered as the fact's definition lists them: type, unit_price, in_catalog, rewarded_before.
        items.Text(0, "成套装备");
        items.Number(1, 6_000_000m);
        items.Boolean(2, true);
        items.AddItem();
        items.Boolean(3, false);
        items.SetTo(slot);

        Assert.Equal(fromProfile.Describe(slot), written.Describe(slot));
        var list = written.Scalar(slot).Items;
        Assert.Equal(2, list.Length);
        Assert.Equal("成套装备", list[0].Items[0].Text);
        Assert.Equal(6_000_000m, list[0].Items[1].Number);
        Assert.True(list[0].Items[2].IsTrue);
        Assert.True(list[0].Items[3].IsUnknown);
        Assert.True(list[1].Items[0].IsUnknown);
        Assert.True(list[1].Items[3].IsFalse);
    }

    [Fact]
    public void ListArrays_OfAReusedRecord_AreLentAgainAfterClear_WithNothingOfTheEarlierRow()
    {
        var slot = Slot("first_use_products");
        var record = Catalog.NewRecord();
        Value[] Row(Action<EnterpriseRecord.ListFactWriter> write)
        {
            record.Clear();
            var items = record.BeginList(slot);
            write(items);
            items.SetTo(slot);
            return record.Scalar(slot).Items;
        }

        // The first row's arrays are the record's own; from the second row on, the record is
        // reused and its arrays are lent, and taken back at the next Clear.
        Row(items => { items.AddItem(); items.Number(1, 1m); });
        var second = Row(items =>
        {
            items.AddItem();
            items.Text(0, "单台设备");
            items.Number(1, 1m);
            items.Boolean(2, true);
            items.Boolean(3, true);
        });
        var third = Row(items => { items.AddItem(); items.Number(1, 2m); });
        Assert.Same(second, third);
        Assert.Equal(2m, third[0].Items[1].Number);
        Assert.True(third[0].Items[0].IsUnknown);
        Assert.True(third[0].Items[2].IsUnknown);
        Assert.True(third[0].Items[3].IsUnknown);

        record.Clear();
        Assert.False(record.IsKnown(slot));
    }

    [Fact]
    public void AnEmptyList_IsKnown_AndAListIsSetOnlyToTheFactItWasBegunFor()
    {
        var slot = Slot("first_use_products");
        var record = Catalog.NewRecord();
        record.BeginList(slot).SetTo(slot);
        Assert.True(record.IsKnown(slot));
        Assert.Empty(record.Scalar(slot).Items);
        Assert.Throws<ArgumentException>(() => record.BeginList(Slot("size_class")));
        Assert.Throws<ArgumentException>(() => record.BeginList(slot).SetTo(Slot("small_tech_upgrade_projects")));
    }

    [Fact]
    public void AYearOutsideTheCalendar_IsRefused()
    {
        var record = Catalog.NewRecord();
        Assert.Throws<ArgumentOutOfRangeException>(() => record.SetNumber(Slot("operating_revenue"), 40_000, 1m));
    }
    [Fact]
    public void AnIdAndNameLeftInCharactersOrUtf8_ReadAsWritten_UntilSetOrClearedOtherwise()
    {
        var record = Catalog.NewRecord();
        var chars = "x91440300MA5F000001,深圳某公司,".ToCharArray();
        record.SetId(chars.AsMemory(1, 18));
        record.SetName(chars.AsMemory(20, 5));
        Assert.Equal("91440300MA5F000001", record.Id);
        Assert.Equal("深圳某公司", record.Name);
        // Made once: the memory may change afterwards without changing the record.
        chars[1] = 'Z';
        Assert.Equal("91440300MA5F000001", record.Id);

        var utf8 = System.Text.Encoding.UTF8.GetBytes("{\"id\":\"A1\",\"name\":\"南京某公司\"}");
        record.SetId(utf8.AsMemory(7, 2));
        record.SetName(utf8.AsMemory(19, 15));
        Assert.Equal("A1", record.Id);
        Assert.Equal("南京某公司", record.Name);

        record.SetName("未读".ToCharArray());
        record.Name = "直接设置";
        Assert.Equal("直接设置", record.Name);
        record.SetId("未读".ToCharArray());
        record.Clear();
        Assert.Equal("", record.Id);
        Assert.Null(record.Name);
    }

    /// <summary>A roster's record holds a shared place and its own date apart: it must read, and be
    /// evaluated, exactly as a record given the whole dated area, on either side of the date.</summary>
    [Theory]
    [InlineData("广东省", "深圳市", "南山区", "2020-01-01")]
    [InlineData("广东省", "深圳市", "南山区", "2025-06-02")]
    [InlineData("广东省", "深圳市", null, "2025-06-01")]
    [InlineData("江苏省", "南京市", "鼓楼区", null)]
    [InlineData("福建省", "厦门市", "思明区", "2026-01-01")]
    [InlineData(null, null, null, "2020-01-01")]
    public void APlaceWithItsOwnDate_ReadsAndEvaluatesAsTheDatedArea(string? province, string? city, string? district, string? since)
    {
        var at = new DateOnly(2025, 6, 1);
        DateOnly? date = since is null ? null : DateOnly.Parse(since, System.Globalization.CultureInfo.InvariantCulture);
        var place = new EnterpriseArea(province, city, district, null);
        var split = Catalog.NewRecord();
        var whole = Catalog.NewRecord();
        foreach (var record in new[] { split, whole })
        {
            record.SetBoolean(Slot("energy_saving_upgrade_project"), true);
            record.SetText(Slot("size_class"), "小型");
        }
        split.SetArea(place, date);
        whole.Area = new EnterpriseArea(province, city, district, date);
        Assert.Equal(whole.Area, split.Area);
        var a = new Srdi.Engine.Evaluation.MeasureOutcome[Catalog.Measures.Count];
        var b = new Srdi.Engine.Evaluation.MeasureOutcome[Catalog.Measures.Count];
        Catalog.Evaluate(split, at, a);
        Catalog.Evaluate(whole, at, b);
        Assert.Equal(b.Select(o => (o.Status, o.FailedAt)), a.Select(o => (o.Status, o.FailedAt)));
        // Set whole again, the area forgets the separate date.
        split.Area = place;
        Assert.Null(split.Area!.Since);
    }
}
