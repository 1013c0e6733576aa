using Srdi.Application.Profiles;
using Srdi.Model.Profiles;
using Srdi.Tests.Catalog;
using Xunit;

namespace Srdi.Tests.Profiles;

/// <summary>A profile with an unknown field, a wrong type or an impossible value is refused with
/// the JSON path of the field; a missing fact stays unknown.</summary>
public sealed class ProfileReaderTests
{
    private static ProfileReader Reader => RealCatalog.Navigator.Profiles;

    private const string Area = "\"area\": { \"province\": \"广东省\", \"city\": \"深圳市\", \"district\": \"南山区\" }";

    private static ProfileException Refused(string json) => Assert.Throws<ProfileException>(() => Reader.ReadText(json));

    [Theory]
    [InlineData("{ \"id\": \"x\", \"aera\": {} }", "$.aera", "是否指 \"area\"")]
    [InlineData("{ \"id\": \"x\", \"facts\": { \"office_rent_anual\": 1 } }", "$.facts.office_rent_anual", "是否指 \"office_rent_annual\"")]
    [InlineData("{ \"id\": \"x\", \"facts\": { \"office_rent_annual\": true } }", "$.facts.office_rent_annual", "应为金额")]
    [InlineData("{ \"id\": \"x\", \"facts\": { \"office_rent_annual\": -5 } }", "$.facts.office_rent_annual", "不能为负数")]
    [InlineData("{ \"id\": \"x\", \"facts\": { \"national_major_projects_led\": 3 } }", "$.facts.national_major_projects_led", "按年度填写")]
    [InlineData("{ \"id\": \"x\", \"facts\": { \"national_major_projects_led\": { \"24\": 3 } } }", "$.facts.national_major_projects_led.24", "四位年份")]
    [InlineData("{ \"id\": \"x\", \"facts\": { \"national_major_projects_led\": { \"2024\": 1.5 } } }", "$.facts.national_major_projects_led.2024", "非负整数")]
    [InlineData("{ \"id\": \"x\", \"facts\": { \"sector\": \"制造业\" } }", "$.facts.sector", "不是可选值")]
    [InlineData("{ \"id\": \"x\", \"certificates\": [ { \"kind\": \"giant\", \"issued_on\": \"2024-01-01\" } ] }", "$.certificates[0].kind", "未知的证书种类")]
    [InlineData("{ \"id\": \"x\", \"certificates\": [ { \"kind\": \"little-giant\", \"issued_on\": \"2024-13-01\" } ] }", "$.certificates[0].issued_on", "YYYY-MM-DD")]
    [InlineData("{ \"id\": \"x\", \"certificates\": [ { \"kind\": \"little-giant\", \"issued_on\": \"2024-07-01\", \"expires_on\": \"2023-01-01\" } ] }", "$.certificates[0].expires_on", "早于认定日期")]
    [InlineData("{ \"id\": \"x\", \"certificates\": [ { \"kind\": \"little-giant\", \"level\": \"city\", \"issued_on\": \"2024-07-01\" } ] }", "$.certificates[0].level", "不是 little-giant 的级别")]
    [InlineData("{ \"name\": \"无标识\" }", "$.id", "缺少必填字段 id")]
    [InlineData("[1, 2]", "$", "JSON 对象")]
    [InlineData("{ \"id\": ", "$", "不是有效的 JSON")]
    public void BadProfile_IsRefusedWithThePathOfTheField(string json, string path, string reason)
    {
        var error = Refused(json);
        Assert.Equal(path, error.Path);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MoneyMayBeWrittenWithChineseUnits()
    {
        var profile = Reader.ReadText($"{{ \"id\": \"x\", {Area}, \"facts\": {{ \"office_rent_annual\": \"500万\" }} }}");
        Assert.Equal(5_000_000m, ((ScalarFact)profile.Facts["office_rent_annual"]).Value);
    }

    [Fact]
    public void MissingFact_IsAbsentNotZero()
    {
        var profile = Reader.ReadText($"{{ \"id\": \"x\", {Area}, \"facts\": {{ \"office_rent_annual\": null }} }}");
        Assert.False(profile.Facts.ContainsKey("office_rent_annual"));
    }

    [Fact]
    public void CertificateExpiry_DefaultsToTheKindsValidity()
    {
        var profile = Reader.ReadText("{ \"id\": \"x\", \"certificates\": [ { \"kind\": \"little-giant\", \"issued_on\": \"2024-07-15\" } ] }");
        Assert.Equal(new DateOnly(2027, 7, 14), profile.Certificates[0].ExpiresOn);
        Assert.False(profile.Certificates[0].Renewal);
    }
}
