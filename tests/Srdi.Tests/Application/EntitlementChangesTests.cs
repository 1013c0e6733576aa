using Microsoft.Extensions.DependencyInjection;
using Srdi.Application.Contracts;
using Srdi.Application.Evaluation;
using Srdi.Application.Profiles;
using Xunit;

namespace Srdi.Tests.Application;

/// <summary>Two profiles of one enterprise evaluated on one date: the measures whose outcome
/// differs, before and after, and nothing else.</summary>
public sealed class EntitlementChangesTests
{
    private static readonly DateOnly At = new(2025, 6, 1);

    private static string Profile(string facts) =>
        $$"""
        {
          "id": "91440300MA5NSLG099",
          "name": "深圳市南山某测试科技有限公司",
          "area": { "province": "广东省", "city": "深圳市", "district": "南山区", "since": "2016-05-20" },
          "certificates": [ { "kind": "little-giant", "issuer": "工业和信息化部", "issued_on": "2024-07-15" } ],
          "facts": { "sector": "工业"{{facts}} }
        }
        """;

    private static EntitlementChangesResult Compare(string before, string after)
    {
        using var services = ServiceHost.Repository();
        var reader = services.GetRequiredService<ProfileReader>();
        var evaluations = services.GetRequiredService<EvaluationService>();
        return EntitlementChanges.Compare(
            evaluations.Evaluate(reader.ReadText(before), At).Report,
            evaluations.Evaluate(reader.ReadText(after), At).Report, 1, 2);
    }

    [Fact]
    public void Compare_AddingTheOfficeRent_MakesTheRentSupportEligibleWithItsSchedule()
    {
        var result = Compare(Profile(""), Profile(""", "office_rent_annual": "1200万" """));

        Assert.Equal(EntitlementChangesResult.SchemaName, result.Schema);
        Assert.Equal(At, result.At);
        Assert.Equal((1, 2), (result.From, result.To));
        Assert.Equal("91440300MA5NSLG099", result.Enterprise.Id);
        var rent = Assert.Single(result.Changes, c => c.MeasureId == "sz-nanshan-2024.20");
        Assert.Equal("sz-nanshan-2024", rent.DocumentId);
        // An industrial little giant without office rent already has clause 20's second sentence (工业企业租金补贴,
        // an amount set by another document; reading rule 20): the rent adds the office-rent schedule.
        Assert.Empty(rent.Before.Schedule);
        Assert.Equal("eligible", rent.After.Status);
        Assert.Equal([3000000m, 3000000m, 3000000m, 1500000m, 1500000m], rent.After.Schedule);
        Assert.Equal(12000000m, rent.After.Scheduled);
        Assert.All(result.Changes, c => Assert.NotEqual(c.Before, c.After));
    }

    [Fact]
    public void Compare_MovingToAnotherCity_LosesTheOldAreasMeasuresAndGainsTheNewOnes()
    {
        var nanshan = Profile(""", "office_rent_annual": "1200万" """);
        var xiamen = nanshan.Replace("\"province\": \"广东省\", \"city\": \"深圳市\", \"district\": \"南山区\"", "\"province\": \"福建省\", \"city\": \"厦门市\", \"district\": \"思明区\"", StringComparison.Ordinal);
        var result = Compare(nanshan, xiamen);

        // Each report lists only its own area's measures: the other side reads as outside the area.
        var rent = Assert.Single(result.Changes, c => c.MeasureId == "sz-nanshan-2024.20");
        Assert.Equal("eligible", rent.Before.Status);
        Assert.Equal(("ineligible", "schedule", 0m), (rent.After.Status, rent.After.Kind, rent.After.Scheduled));
        Assert.Empty(rent.After.Schedule);
        Assert.Contains(result.Changes, c => c.DocumentId == "xiamen-2024" && c.Before.Status == "ineligible" && c.After.Status == "eligible");
        Assert.All(result.Changes, c => Assert.NotEqual(c.Before, c.After));
    }

    [Fact]
    public void Compare_TheSameProfile_HasNoChanges()
    {
        var profile = Profile(""", "office_rent_annual": "1200万" """);
        Assert.Empty(Compare(profile, profile).Changes);
    }

    [Fact]
    public void Compare_IsSerialisedWithItsSchemaAndSnakeCaseNames()
    {
        var json = SrdiJson.Serialize(Compare(Profile(""), Profile(""", "office_rent_annual": "1200万" """)));
        Assert.Contains("\"schema\": \"srdi.entitlement-changes/1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"up_to\"", json, StringComparison.Ordinal);
        Assert.Contains("\"measure_id\": \"sz-nanshan-2024.20\"", json, StringComparison.Ordinal);
    }
}
