using Srdi.Application.Evaluation;
using Srdi.Application.Policies;
using Srdi.Tests.Catalog;
using Xunit;

namespace Srdi.Tests.Application;

/// <summary>The measure page shows each rule in words: facts by their labels, years as 上一年度,
/// certificates by their names; never a fact key or a certificate code.</summary>
public sealed class RuleWordingTests
{
    private static ChineseText Text => new(RealCatalog.Navigator.Wording, RealCatalog.Navigator.Catalog.Vocabulary);

    [Fact]
    public void ARule_ReadsWithLabelsYearsAndChineseLogic()
    {
        var vocabulary = RealCatalog.Navigator.Catalog.Vocabulary;
        var rule = Text.Rule("national_major_projects_led@last_year >= 1 and office_rent_annual > 0 or holds(\"little-giant@national\")");
        Assert.Equal($"「{vocabulary.Facts["national_major_projects_led"].Label}」（上一年度） >= 1 且 「{vocabulary.Facts["office_rent_annual"].Label}」 > 0 或 持有(“专精特新“小巨人”企业（国家级）”)", rule);
    }

    [Fact]
    public void EveryRuleOfTheCatalog_NamesNoFactKeyNorCertificateCode()
    {
        var navigator = RealCatalog.Navigator;
        var facts = navigator.Catalog.Vocabulary.Facts.Keys.ToList();
        foreach (var document in navigator.Catalog.Documents)
            foreach (var measure in document.Measures)
                foreach (var expression in PolicyLibrary.Expressions(measure))
                {
                    var words = Text.Rule(expression.Text, document.Parameters);
                    Assert.DoesNotContain("@", words, StringComparison.Ordinal);
                    Assert.DoesNotContain("$", words, StringComparison.Ordinal);
                    foreach (var fact in facts) Assert.False(words.Contains(fact, StringComparison.Ordinal), $"{measure.Id}: {words}");
                    // No function, keyword or field code is left for a person to read.
                    Assert.False(System.Text.RegularExpressions.Regex.IsMatch(words, "[a-z_]{2,}"), $"{measure.Id}: {words}");
                }
    }
}
