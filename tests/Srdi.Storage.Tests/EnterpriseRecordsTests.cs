using System.Globalization;
using Srdi.Application.Profiles;
using Srdi.Storage.Database;
using Srdi.Storage.Records;

namespace Srdi.Storage.Tests;

/// <summary>Create, read, change, list, history and versions of the enterprise records.</summary>
public abstract class EnterpriseRecordsTests : StorageTests
{
    private const string Id = "91440300MA5NSLG001";

    [Fact]
    public async Task Create_ValidProfile_IsVersion1AsSubmitted()
    {
        var json = Profile(Id);
        var created = await Records.CreateAsync(json, "张三", "首次建档");

        var read = await Records.GetAsync(Id);
        Assert.NotNull(read);
        Assert.Equal(created, read);
        Assert.Equal(1, read.Version);
        Assert.Equal(json, read.ProfileJson);
        Assert.Equal("深圳市南山某精密传感科技有限公司", read.Name);
        Assert.Equal(("广东省", "深圳市", "南山区"), (read.Province, read.City, read.District));
        Assert.Equal(("张三", Clock.Now), (read.CreatedBy, read.CreatedAt));
        Assert.Equal(("张三", Clock.Now), (read.ChangedBy, read.ChangedAt));
        Assert.Equal(Id, Profiles.ReadText(read.ProfileJson).Id);
    }

    [Fact]
    public async Task Update_FromCurrentVersion_AppendsTheNextVersion()
    {
        await Records.CreateAsync(Profile(Id), "张三");
        var createdAt = Clock.Now;
        Clock.Now = Clock.Now.AddDays(3);
        var changed = Profile(Id, name: "深圳市南山某传感科技股份有限公司", rent: "1500万");

        var updated = await Records.UpdateAsync(Id, changed, "李四", expectedVersion: 1, note: "更名，租金调整");

        Assert.Equal(2, updated.Version);
        var read = await Records.GetAsync(Id);
        Assert.NotNull(read);
        Assert.Equal((2, changed, "深圳市南山某传感科技股份有限公司"), (read.Version, read.ProfileJson, read.Name));
        Assert.Equal(("张三", createdAt), (read.CreatedBy, read.CreatedAt));
        Assert.Equal(("李四", Clock.Now), (read.ChangedBy, read.ChangedAt));
        Assert.Equal(
            [new ProfileVersionSummary(1, "张三", createdAt, null), new ProfileVersionSummary(2, "李四", Clock.Now, "更名，租金调整")],
            await Records.HistoryAsync(Id));
        var first = await Records.GetVersionAsync(Id, 1);
        Assert.NotNull(first);
        Assert.Equal(Profile(Id), first.ProfileJson);
        Assert.Equal(changed, (await Records.GetVersionAsync(Id, 2))?.ProfileJson);
    }

    [Fact]
    public async Task Update_ThreeTimes_KeepsEveryVersion()
    {
        await Records.CreateAsync(Profile(Id, rent: "100万"), "张三");
        for (var version = 1; version <= 3; version++)
            await Records.UpdateAsync(Id, Profile(Id, rent: string.Create(CultureInfo.InvariantCulture, $"{(version + 1) * 100}万")), "张三", version);

        Assert.Equal([1, 2, 3, 4], (await Records.HistoryAsync(Id)).Select(v => v.Number));
        for (var version = 1; version <= 4; version++)
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"\"{version * 100}万\""), (await Records.GetVersionAsync(Id, version))!.ProfileJson, StringComparison.Ordinal);
        Assert.Equal(4, (await Records.GetAsync(Id))!.Version);
    }

    [Fact]
    public async Task Create_DuplicateId_IsRefusedInChinese_AndTheFirstStays()
    {
        await Records.CreateAsync(Profile(Id), "张三");

        var refused = await Assert.ThrowsAsync<DuplicateEnterpriseException>(() => Records.CreateAsync(Profile(Id, name: "另一家公司"), "李四"));

        Assert.Equal(Id, refused.EnterpriseId);
        Assert.Contains("已有档案，不能重复创建", refused.Message, StringComparison.Ordinal);
        Assert.Equal((1, 1), await CountRowsAsync());
        Assert.Equal("深圳市南山某精密传感科技有限公司", (await Records.GetAsync(Id))!.Name);
    }

    [Fact]
    public async Task Create_InvalidProfile_NamesTheField_AndWritesNothing()
    {
        var misspelt = Profile(Id).Replace("office_rent_annual", "office_rnt_annual", StringComparison.Ordinal);

        var refused = await Assert.ThrowsAsync<ProfileException>(() => Records.CreateAsync(misspelt, "张三"));

        Assert.Equal("$.facts.office_rnt_annual", refused.Path);
        Assert.Contains("office_rent_annual", refused.Reason, StringComparison.Ordinal);
        Assert.Equal((0, 0), await CountRowsAsync());
    }

    [Fact]
    public async Task Update_InvalidProfile_NamesTheField_AndKeepsTheVersion()
    {
        await Records.CreateAsync(Profile(Id), "张三");
        var badDistrict = Profile(Id, district: "南三区");

        var refused = await Assert.ThrowsAsync<ProfileException>(() => Records.UpdateAsync(Id, badDistrict, "李四", 1));

        Assert.Equal("$.area.district", refused.Path);
        Assert.Equal((1, 1), await CountRowsAsync());
    }

    [Fact]
    public async Task Update_StaleVersion_IsRefusedInChinese_AndWritesNothing()
    {
        await Records.CreateAsync(Profile(Id), "张三");
        await Records.UpdateAsync(Id, Profile(Id, rent: "1300万"), "李四", expectedVersion: 1);

        var refused = await Assert.ThrowsAsync<StaleVersionException>(() => Records.UpdateAsync(Id, Profile(Id, rent: "9999万"), "王五", expectedVersion: 1));

        Assert.Equal((1, 2), (refused.ExpectedVersion, refused.CurrentVersion));
        Assert.Contains("已被他人修改", refused.Message, StringComparison.Ordinal);
        Assert.Contains("第 1 版", refused.Message, StringComparison.Ordinal);
        Assert.Contains("当前已是第 2 版", refused.Message, StringComparison.Ordinal);
        Assert.Equal((1, 2), await CountRowsAsync());
        Assert.Contains("1300万", (await Records.GetAsync(Id))!.ProfileJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_ConcurrentFromTheSameVersion_OneWinsTheOthersAreStale()
    {
        await Records.CreateAsync(Profile(Id), "张三");

        var writers = Enumerable.Range(1, 4).Select(async i =>
        {
            try
            {
                await Records.UpdateAsync(Id, Profile(Id, rent: string.Create(CultureInfo.InvariantCulture, $"{i}00万")), string.Create(CultureInfo.InvariantCulture, $"用户{i}"), expectedVersion: 1);
                return true;
            }
            catch (StaleVersionException)
            {
                return false;
            }
        });
        var won = await Task.WhenAll(writers);

        Assert.Single(won, w => w);
        Assert.Equal((1, 2), await CountRowsAsync());
        Assert.Equal(2, (await Records.GetAsync(Id))!.Version);
    }

    [Fact]
    public async Task Update_ProfileOfAnotherEnterprise_IsRefusedOnItsId()
    {
        await Records.CreateAsync(Profile(Id), "张三");

        var refused = await Assert.ThrowsAsync<ProfileException>(() => Records.UpdateAsync(Id, Profile("91440300MA5OTHER09"), "张三", 1));

        Assert.Equal("$.id", refused.Path);
        Assert.Equal((1, 1), await CountRowsAsync());
    }

    [Fact]
    public async Task Update_UnknownEnterprise_IsNotFound()
    {
        var refused = await Assert.ThrowsAsync<EnterpriseNotFoundException>(() => Records.UpdateAsync(Id, Profile(Id), "张三", 1));

        Assert.Contains($"没有企业 {Id} 的档案", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_OfUnknownEnterpriseOrVersion_AreEmpty()
    {
        await Records.CreateAsync(Profile(Id), "张三");

        Assert.Null(await Records.GetAsync("91440300MA5NOBODY0"));
        Assert.Empty(await Records.HistoryAsync("91440300MA5NOBODY0"));
        Assert.Null(await Records.GetVersionAsync(Id, 2));
        Assert.Null(await Records.GetVersionAsync("91440300MA5NOBODY0", 1));
    }

    [Fact]
    public async Task List_FiltersByCityDistrictAndName_InIdOrder_WithPages()
    {
        await Records.CreateAsync(Profile("A003", name: "深圳市南山某精密传感科技有限公司"), "张三");
        await Records.CreateAsync(Profile("A001", name: "深圳市南山某半导体有限公司"), "张三");
        await Records.CreateAsync(Profile("A002", name: "深圳市福田某传感器有限公司", district: "福田区"), "张三");
        await Records.CreateAsync(Profile("A004", name: "广州市黄埔某传感设备有限公司", city: "广州市", district: "黄埔区"), "张三");
        await Records.CreateAsync(Profile("A005", name: "名称含100%_的公司"), "张三");

        static IEnumerable<string> Ids(EnterprisePage page) => page.Items.Select(i => i.Id);
        Assert.Equal(["A001", "A002", "A003", "A004", "A005"], Ids(await Records.ListAsync(new EnterpriseFilter())));
        Assert.Equal(["A001", "A002", "A003", "A005"], Ids(await Records.ListAsync(new EnterpriseFilter(City: "深圳市"))));
        Assert.Equal(["A001", "A003", "A005"], Ids(await Records.ListAsync(new EnterpriseFilter(City: "深圳市", District: "南山区"))));
        Assert.Equal(["A002", "A003", "A004"], Ids(await Records.ListAsync(new EnterpriseFilter(NameContains: "传感"))));
        Assert.Equal(["A003"], Ids(await Records.ListAsync(new EnterpriseFilter(District: "南山区", NameContains: "传感"))));
        Assert.Equal(["A005"], Ids(await Records.ListAsync(new EnterpriseFilter(NameContains: "100%_"))));
        Assert.Equal(["A005"], Ids(await Records.ListAsync(new EnterpriseFilter(NameContains: "%"))));

        var page2 = await Records.ListAsync(new EnterpriseFilter(Page: 2, PageSize: 2));
        Assert.Equal(["A003", "A004"], Ids(page2));
        Assert.Equal((5, 2, 2), (page2.Total, page2.Page, page2.PageSize));
        var last = await Records.ListAsync(new EnterpriseFilter(City: "深圳市", Page: 2, PageSize: 3));
        Assert.Equal(["A005"], Ids(last));
        Assert.Equal(4, last.Total);
        var first = (await Records.ListAsync(new EnterpriseFilter(PageSize: 1))).Items.Single();
        Assert.Equal(new EnterpriseSummary("A001", "深圳市南山某半导体有限公司", "广东省", "深圳市", "南山区", 1, Clock.Now), first);
    }

    [Fact]
    public async Task List_ShowsTheCurrentVersionsArea()
    {
        await Records.CreateAsync(Profile(Id), "张三");
        await Records.UpdateAsync(Id, Profile(Id, district: "宝安区"), "张三", 1);

        Assert.Empty((await Records.ListAsync(new EnterpriseFilter(District: "南山区"))).Items);
        var moved = Assert.Single((await Records.ListAsync(new EnterpriseFilter(District: "宝安区"))).Items);
        Assert.Equal(2, moved.Version);
    }

    [Fact]
    public async Task List_BadPaging_IsRefused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Records.ListAsync(new EnterpriseFilter(Page: 0)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Records.ListAsync(new EnterpriseFilter(PageSize: EnterpriseFilter.MaxPageSize + 1)));
    }
}

public sealed class SqliteEnterpriseRecordsTests : EnterpriseRecordsTests
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresEnterpriseRecordsTests : EnterpriseRecordsTests
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
