using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace Srdi.Web.Tests;

/// <summary>政策体检 through its guided form: the basics, then only the facts the area's measures
/// read, then the report whose follow-up questions post back into the profile. The form's fields
/// are read from the page as a browser would send them, anti-forgery token included.</summary>
public sealed partial class CheckPageTests(SrdiWebFactory factory) : IClassFixture<SrdiWebFactory>
{
    private const string Example = "nanshan-little-giant.json";
    private const string At = "2025-06-01";

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task TheGuidedFormForAnExample_GivesTheSameTotalsAsItsJson()
    {
        var basics = await _client.GetStringAsync(new Uri($"/check?example={Example}", UriKind.Relative));
        var fields = Fields(basics, "check-basics");
        Assert.Equal("91440300MA5NSLG001", fields["profile[id]"]);
        fields["At"] = At;
        var facts = await PostAsync("/check?handler=facts", fields);
        Assert.Contains("租赁自用办公用房", facts, StringComparison.Ordinal);
        Assert.Contains("万元", facts, StringComparison.Ordinal);
        var guided = await PostAsync("/check?handler=report", Fields(facts, "check-facts"));

        var page = await _client.GetStringAsync(new Uri("/check", UriKind.Relative));
        var json = Fields(page, "check-json");
        json["Profile"] = await File.ReadAllTextAsync(SrdiWebFactory.Example(Example));
        json["At"] = At;
        var direct = await PostAsync("/check", json);

        Assert.Equal(Totals(direct), Totals(guided));
        Assert.Contains("万元", Totals(guided), StringComparison.Ordinal);
        var text = Text(guided);
        Assert.DoesNotContain("@national", text, StringComparison.Ordinal);
        Assert.DoesNotContain("（once）", text, StringComparison.Ordinal);
        Assert.Contains("专精特新“小巨人”企业（国家级）", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowUpAnswers_ChangeTheStatusOfMeasuresThatNeededThem()
    {
        var page = await _client.GetStringAsync(new Uri("/check", UriKind.Relative));
        var json = Fields(page, "check-json");
        json["Profile"] = await File.ReadAllTextAsync(SrdiWebFactory.Example(Example));
        json["At"] = At;
        var report = await PostAsync("/check", json);
        var before = NeedsInfo(report);
        Assert.NotEmpty(before);

        var followUp = Fields(report, "check-follow-up", selectAnswers: true);
        Assert.Contains(followUp.Keys, k => k.StartsWith("profile[f-", StringComparison.Ordinal));
        Assert.Contains("profile[preserved]", followUp.Keys); // the facts the follow-up does not ask travel along
        var after = NeedsInfo(await PostAsync("/check?handler=report", followUp));
        Assert.NotEmpty(before.Except(after));
    }

    [Fact]
    public async Task AnUnreadableAnswer_ShowsTheFormAgainWithTheFieldsProblemInChinese()
    {
        var basics = await _client.GetStringAsync(new Uri($"/check?example={Example}", UriKind.Relative));
        var fields = Fields(basics, "check-basics");
        fields["At"] = At;
        var facts = Fields(await PostAsync("/check?handler=facts", fields), "check-facts");
        facts["profile[f-office_rent_annual]"] = "很多";
        var again = await PostAsync("/check?handler=report", facts);
        Assert.Contains("field-error", again, StringComparison.Ordinal);
        Assert.Contains("应为金额", again, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"report\"", again, StringComparison.Ordinal);
    }

    private async Task<string> PostAsync(string path, Dictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        var response = await _client.PostAsync(new Uri(path, UriKind.Relative), content);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, path + "：" + response.StatusCode + " " + html[..Math.Min(html.Length, 500)]);
        return html;
    }

    /// <summary>What a browser sends for one form of a page: its inputs (checkboxes only when
    /// checked) and each select's selected option. With <paramref name="selectAnswers"/> every
    /// empty yes/no is answered 是, every choice its first option and every empty number 1.</summary>
    private static Dictionary<string, string> Fields(string html, string? formId, string? action = null, bool selectAnswers = false)
    {
        var start = formId is not null ? html.IndexOf($"id=\"{formId}\"", StringComparison.Ordinal) : html.IndexOf($"action=\"{action}", StringComparison.Ordinal);
        Assert.True(start >= 0, $"form {formId ?? action} not found");
        start = html.LastIndexOf("<form", start, StringComparison.Ordinal);
        var form = html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in InputTag().Matches(form))
        {
            var tag = input.Value;
            if (Attribute(tag, "name") is not { } name) continue;
            var type = Attribute(tag, "type") ?? "text";
            if (type == "checkbox" && !tag.Contains(" checked", StringComparison.Ordinal)) continue;
            var value = Attribute(tag, "value") ?? "";
            if (selectAnswers && value.Length == 0 && type == "text" && name.StartsWith("profile[f-", StringComparison.Ordinal)) value = "1";
            fields[name] = value;
        }
        foreach (Match select in SelectTag().Matches(form))
        {
            var name = Attribute(select.Groups[1].Value, "name")!;
            var options = OptionTag().Matches(select.Groups[2].Value).Select(o => (Value: Attribute(o.Value, "value") ?? "", Selected: o.Value.Contains("selected", StringComparison.Ordinal))).ToList();
            var chosen = options.FirstOrDefault(o => o.Selected).Value ?? options.FirstOrDefault().Value ?? "";
            if (selectAnswers && chosen.Length == 0 && name.StartsWith("profile[f-", StringComparison.Ordinal))
                chosen = options.Any(o => o.Value == "true") ? "true" : options.FirstOrDefault(o => o.Value.Length > 0).Value ?? "";
            fields[name] = chosen;
        }
        return fields;
    }

    private static string? Attribute(string tag, string name)
    {
        var m = Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"");
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
    }

    private static string Totals(string html) => TotalsList().Match(html).Value;

    private static HashSet<string> NeedsInfo(string html) =>
        NeedsInfoItem().Matches(html).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    private static string Text(string html) => WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", " "));

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex InputTag();

    [GeneratedRegex("<select\\b([^>]*)>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex SelectTag();

    [GeneratedRegex("<option\\b[^>]*>")]
    private static partial Regex OptionTag();

    [GeneratedRegex("<dl class=\"totals\">.*?</dl>", RegexOptions.Singleline)]
    private static partial Regex TotalsList();

    [GeneratedRegex("class=\"result status-needs-info\" data-measure=\"([^\"]+)\"")]
    private static partial Regex NeedsInfoItem();
}
