using System.Text.Json.Nodes;
using Srdi.Application.Evaluation;
using Srdi.Application.Policies;
using Srdi.Application.Profiles;
using Srdi.Engine;
using Srdi.Engine.Evaluation;
using Srdi.Engine.Expressions;
using Srdi.Model.Profiles;
using Srdi.Model.Vocabulary;
using Srdi.Tests.Catalog;
using Xunit;

namespace Srdi.Tests.Profiles;

/// <summary>The guided profile form asks only the facts the measures of the enterprise's area
/// (and the tier criteria) read, in Chinese with units, for the years the rules read; its answers
/// turn into a profile the reader accepts and back, money in 万元, empty answers unknown.</summary>
public sealed class ProfileQuestionnaireTests
{
    private static readonly DateOnly At = new(2025, 6, 1);

    private static ProfileQuestionnaire Questionnaire => new(RealCatalog.Navigator);

    private static CatalogVocabulary Vocabulary => RealCatalog.Navigator.Catalog.Vocabulary;

    private static EnterpriseArea Nanshan => new("广东省", "深圳市", "南山区", new DateOnly(2016, 5, 20));

    /// <summary>An enterprise holding every certificate of every level, valid on the date: every
    /// measure of its area is open to it.</summary>
    private static EnterpriseProfile HoldingEverything(EnterpriseArea area) => new("x1", "测试企业", area,
        Vocabulary.Certificates.Values.SelectMany(k => k.Levels.Select(l => new Certificate(k.Id, l, null, new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31), false))).ToList(),
        new Dictionary<string, FactValue>());

    private static HashSet<string> FactsReadBy(Func<Srdi.Model.Policies.PolicyDocument, bool> documents) =>
        RealCatalog.Navigator.Catalog.Documents.Where(d => (d.IsDraft || d.Validity.Contains(At)) && documents(d))
            .SelectMany(d => d.Measures).SelectMany(PolicyLibrary.Expressions)
            .SelectMany(e => RuleText.Names(e.Text)).Where(Vocabulary.Facts.ContainsKey).ToHashSet(StringComparer.Ordinal);

    private static EnterpriseProfile Example(string name) =>
        RealCatalog.Navigator.Profiles.ReadFile(Path.Combine(RealCatalog.RepositoryRoot, "examples", name));

    [Fact]
    public void ANanshanEnterprise_IsAskedWhatNanshanMeasuresRead_AndNothingOnlyNanjingOrXiamenMeasuresRead()
    {
        var asked = Questionnaire.For(HoldingEverything(Nanshan), At).Questions.Select(q => q.Fact).ToHashSet(StringComparer.Ordinal);
        var here = FactsReadBy(d => AreaMatch.Check(d.Area, Nanshan, At) != Truth.False);
        Assert.NotEmpty(here);
        Assert.Empty(here.Except(asked));

        var criteria = string.Concat(Directory.EnumerateFiles(Path.Combine(RealCatalog.Root, "criteria"), "*.yaml", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("tests.yaml", StringComparison.Ordinal)).Select(File.ReadAllText));
        var elsewhere = FactsReadBy(d => d.Area.City is "南京市" or "厦门市")
            .Where(f => !here.Contains(f) && !criteria.Contains(f, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(elsewhere);
        Assert.Empty(elsewhere.Intersect(asked));
    }

    [Fact]
    public void AMeasureForACertificateNotHeld_AddsNoQuestion()
    {
        var none = new EnterpriseProfile("x2", null, Nanshan, [], new Dictionary<string, FactValue>());
        var asked = Questionnaire.For(none, At).Questions.Select(q => q.Fact).ToHashSet(StringComparer.Ordinal);
        var all = Questionnaire.For(HoldingEverything(Nanshan), At).Questions.Select(q => q.Fact).ToHashSet(StringComparer.Ordinal);
        Assert.True(asked.IsProperSubsetOf(all), "holding no certificate should narrow the questions");
    }

    [Fact]
    public void EveryQuestion_IsInChineseWithItsUnit_AndAYearlyOneIsAskedForTheYearsItsRulesRead()
    {
        var questionnaire = Questionnaire.For(HoldingEverything(Nanshan), At);
        Assert.Equal(ProfileQuestionnaire.SharedTitle, questionnaire.Groups[0].Title);
        Assert.Equal(questionnaire.Questions.Count(), questionnaire.Questions.Select(q => q.Fact).Distinct().Count());
        foreach (var q in questionnaire.Questions)
        {
            var d = Vocabulary.Facts[q.Fact];
            Assert.Equal(d.Label, q.Label);
            Assert.Equal(d.Yearly, q.Yearly);
            Assert.NotEmpty(q.UsedBy);
            if (d.Type == FactType.Money) Assert.StartsWith("万元", q.Unit, StringComparison.Ordinal);
            if (d.Type == FactType.List) Assert.Equal(d.Fields.Select(f => f.Label), q.Fields.Select(f => f.Label));
        }
        // 南山 4: 上一年度牵头国家科技重大专项 (national_major_projects_led@last_year) on 2025-06-01 means 2024.
        var led = questionnaire.Questions.Single(q => q.Fact == "national_major_projects_led");
        Assert.Contains(2024, led.Years);
        Assert.DoesNotContain(2025, led.Years);
    }

    [Theory]
    [InlineData("nanshan-little-giant.json")]
    [InlineData("nanshan-sensor-manufacturer.json")]
    [InlineData("guangzhou-manufacturer.json")]
    [InlineData("nanjing-single-champion.json")]
    [InlineData("xiamen-little-giant.json")]
    [InlineData("shenzhen-srdi-sme.json")]
    public void AProfile_ReadIntoTheFormAndPostedBack_IsTheSameProfile(string example)
    {
        var profile = Example(example);
        var answers = ProfileAnswers.FromProfile(profile, Questionnaire.For(profile, At), Vocabulary);
        var reading = ProfileAnswers.ToProfileJson(answers.ToDictionary(kv => kv.Key, kv => (string?)kv.Value), Vocabulary);
        Assert.True(reading.Ok, string.Join("；", reading.Problems.Select(p => $"{p.Key}：{p.Message}")));
        var back = RealCatalog.Navigator.Profiles.Read(reading.Profile);
        Assert.Equal(ProfileJson.Serialize(profile, Vocabulary), ProfileJson.Serialize(back, Vocabulary));
    }

    [Fact]
    public void MoneyIsTypedIn万元_OrWithItsUnit_AndShownIn万元()
    {
        var profile = Example("nanshan-little-giant.json"); // office_rent_annual: "1200万"
        var answers = ProfileAnswers.FromProfile(profile, Questionnaire.For(profile, At), Vocabulary);
        Assert.Equal("1200", answers[ProfileAnswers.Fact("office_rent_annual")]);
        Assert.DoesNotContain("office_rent_annual", answers.GetValueOrDefault(ProfileAnswers.Preserved) ?? "", StringComparison.Ordinal);

        foreach (var (typed, yuan) in new[] { ("1200万", 12_000_000m), ("1200", 12_000_000m), ("1200万元", 12_000_000m), ("500元", 500m), ("2亿", 200_000_000m), ("0.5", 5_000m) })
        {
            Assert.True(ProfileAnswers.TryRead(FactType.Money, [], typed, out var value, out var error), error);
            Assert.Equal(yuan, value.GetValue<decimal>());
        }
        Assert.True(ProfileAnswers.TryRead(FactType.Rate, [], "3.5", out var rate, out _));
        Assert.Equal(0.035m, rate.GetValue<decimal>());
        Assert.False(ProfileAnswers.TryRead(FactType.Money, [], "很多", out _, out var why));
        Assert.Contains("万元", why, StringComparison.Ordinal);
        Assert.False(ProfileAnswers.TryRead(FactType.Money, [], "-5", out _, out _));
    }

    [Fact]
    public void AnEmptyAnswer_StaysUnknown_WhileZeroIsZero()
    {
        var answers = new Dictionary<string, string?>
        {
            [ProfileAnswers.Id] = "x3",
            [ProfileAnswers.Province] = "广东省",
            [ProfileAnswers.City] = "深圳市",
            [ProfileAnswers.District] = "南山区",
            [ProfileAnswers.Fact("office_rent_annual")] = "",
            [ProfileAnswers.Fact("national_major_projects_led", 2024)] = "0",
            [ProfileAnswers.Fact("national_major_projects_joined", 2024)] = "  ",
            [ProfileAnswers.Item("standards_published", null, 0, "level")] = "",
            [ProfileAnswers.Certificate(0, "kind")] = "",
        };
        var reading = ProfileAnswers.ToProfileJson(answers, Vocabulary);
        Assert.True(reading.Ok, string.Join("；", reading.Problems.Select(p => p.Message)));
        var profile = RealCatalog.Navigator.Profiles.Read(reading.Profile);
        Assert.False(profile.Facts.ContainsKey("office_rent_annual"));
        Assert.False(profile.Facts.ContainsKey("national_major_projects_joined"));
        Assert.False(profile.Facts.ContainsKey("standards_published"));
        Assert.Empty(profile.Certificates);
        Assert.Equal(0m, ((YearlyFact)profile.Facts["national_major_projects_led"]).ByYear[2024]);
    }

    [Fact]
    public void AnAnswerThatCannotBeRead_IsAProblemOfItsField_InChinese()
    {
        var answers = new Dictionary<string, string?>
        {
            [ProfileAnswers.Id] = "x4",
            [ProfileAnswers.Fact("office_rent_annual")] = "很多",
            [ProfileAnswers.Fact("sector")] = "制造",
            [ProfileAnswers.Certificate(0, "kind")] = "little-giant",
        };
        var reading = ProfileAnswers.ToProfileJson(answers, Vocabulary);
        var keys = reading.Problems.Select(p => p.Key).ToList();
        Assert.Contains(ProfileAnswers.Fact("office_rent_annual"), keys);
        Assert.Contains(ProfileAnswers.Fact("sector"), keys);
        Assert.Contains(ProfileAnswers.Certificate(0, "issued_on"), keys);
        var rent = reading.Problems.First(p => p.Key == ProfileAnswers.Fact("office_rent_annual")).Message;
        Assert.StartsWith(Vocabulary.Facts["office_rent_annual"].Label, rent, StringComparison.Ordinal);
        Assert.DoesNotContain("office_rent_annual", rent, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFactsAReportLacks_BecomeFollowUpQuestions_ThatMergeIntoTheProfile()
    {
        var navigator = RealCatalog.Navigator;
        var profile = Example("nanshan-little-giant.json");
        var service = new EvaluationService(navigator);
        var view = service.View(service.Evaluate(profile, At));
        Assert.NotEmpty(view.Questions);
        var followUp = Questionnaire.FollowUp(view.Questions, At);
        var questions = followUp.Questions.ToList();
        Assert.Equal(view.Questions.Count(q => Vocabulary.Facts.ContainsKey(q.Fact)), questions.Count);
        Assert.All(questions, q => Assert.Equal(Vocabulary.Facts[q.Fact].Label, q.Label));

        // Answer the first yes/no or count question; everything else of the profile is kept.
        var answers = ProfileAnswers.FromProfile(profile, followUp, Vocabulary).ToDictionary(kv => kv.Key, kv => (string?)kv.Value);
        var q = questions.First(x => x.Type is FactType.Boolean or FactType.Count);
        answers[ProfileAnswers.Fact(q.Fact, q.Yearly ? q.Years[0] : null)] = q.Type == FactType.Boolean ? "true" : "1";
        var reading = ProfileAnswers.ToProfileJson(answers, Vocabulary);
        Assert.True(reading.Ok, string.Join("；", reading.Problems.Select(p => p.Message)));
        var merged = navigator.Profiles.Read(reading.Profile);
        Assert.True(merged.Facts.ContainsKey(q.Fact));
        foreach (var (fact, _) in profile.Facts) Assert.True(merged.Facts.ContainsKey(fact), fact);
        Assert.Equal(profile.Certificates.Count, merged.Certificates.Count);
    }

    [Fact]
    public void TheAnswersJson_IsAProfileTheReaderAccepts()
    {
        var reading = ProfileAnswers.ToProfileJson(new Dictionary<string, string?> { [ProfileAnswers.Id] = "x5", [ProfileAnswers.Since] = "2020-01-02" }, Vocabulary);
        Assert.Equal("x5", reading.Profile["id"]!.GetValue<string>());
        Assert.IsType<JsonObject>(reading.Profile["area"]);
        Assert.Equal(new DateOnly(2020, 1, 2), RealCatalog.Navigator.Profiles.Read(reading.Profile).Area!.Since);
    }

    [Fact]
    public void TheReport_NamesNoFactKeyNorCertificateCode()
    {
        var service = new EvaluationService(RealCatalog.Navigator);
        var profile = Example("nanshan-little-giant.json") with { Facts = new Dictionary<string, FactValue>() };
        var view = service.View(service.Evaluate(profile, At));
        var measures = view.Documents.SelectMany(d => d.Measures).ToList();
        Assert.Contains(measures, m => m.Reason.StartsWith("缺少：", StringComparison.Ordinal));
        foreach (var m in measures)
        {
            foreach (var fact in Vocabulary.Facts.Keys) Assert.DoesNotContain(fact, m.Reason, StringComparison.Ordinal);
            foreach (var c in m.Conditions.Where(c => c.Kind == ConditionKind.Targets))
            {
                Assert.DoesNotContain("@", c.Label + c.Seen, StringComparison.Ordinal);
                Assert.DoesNotContain("little-giant", c.Label + c.Seen, StringComparison.Ordinal);
            }
        }
        var target = measures.SelectMany(m => m.Conditions).First(c => c.Kind == ConditionKind.Targets);
        Assert.Contains("专精特新“小巨人”企业（国家级）", target.Seen, StringComparison.Ordinal);
    }
}
