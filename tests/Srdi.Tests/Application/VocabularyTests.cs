using Microsoft.Extensions.DependencyInjection;
using Srdi.Application;
using Srdi.Model.Sources;
using Xunit;
using static Srdi.Tests.Cli.CliRun;

namespace Srdi.Tests.Application;

/// <summary>The product's words live in the catalog's vocabulary/terms.yaml: the Chinese a person
/// reads changes there, categories and beneficiaries are open lists there, and a list that
/// disagrees with the engine's codes stops loading with the file and line.</summary>
public sealed class VocabularyTests
{
    [Fact]
    public void AChineseLabelChangedInTheVocabulary_ChangesWhatTheCommandPrints()
    {
        using var copy = new CatalogCopy();
        copy.Edit("vocabulary/terms.yaml", "  apply: 申报\n", "  apply: 申请办理\n");
        var (_, original, _) = Run("evaluate", Example("nanshan-little-giant.json"), "--at", "2025-06-01");
        var (exit, changed, error) = Run("evaluate", Example("nanshan-little-giant.json"), "--at", "2025-06-01", "--catalog", copy.Root);
        Assert.True(exit == 0, error);
        Assert.Contains("│ 申报", original, StringComparison.Ordinal);
        Assert.Contains("│ 申请办理", changed, StringComparison.Ordinal);
        Assert.DoesNotContain("│ 申报", changed, StringComparison.Ordinal);
    }

    [Fact]
    public void ACategoryNotInTheVocabulary_IsRefusedWithItsFileAndLine()
    {
        using var copy = new CatalogCopy();
        copy.Edit("vocabulary/terms.yaml", "  reward: 奖励\n", "");
        var error = Assert.Throws<CatalogException>(() => PolicyNavigator.Open(copy.Root));
        Assert.Contains("policy.yaml", error.Location.File, StringComparison.Ordinal);
        Assert.True(error.Location.Line > 0);
        Assert.Contains("category", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANewCategoryAndBeneficiary_AreDataOnly()
    {
        using var copy = new CatalogCopy();
        copy.Edit("vocabulary/terms.yaml", "  reward: 奖励\n", "  reward: 奖励\n  honour: 荣誉表彰\n");
        copy.Edit("vocabulary/terms.yaml", "  enterprise: 本企业\n", "  enterprise: 本企业\n  entrepreneur: 企业家本人\n");
        var policy = "documents/sz-nanshan-2024/policy.yaml";
        var text = File.ReadAllText(copy.PathOf(policy));
        var at = text.IndexOf("category: reward", StringComparison.Ordinal);
        File.WriteAllText(copy.PathOf(policy), text[..at] + "category: honour" + text[(at + "category: reward".Length)..]);
        using var services = ServiceHost.Build(copy.Root);
        var navigator = services.GetRequiredService<PolicyNavigator>();
        var measure = navigator.Catalog.Measures.First(m => m.Category == "honour");
        Assert.Equal("荣誉表彰", navigator.Wording.Category(measure.Category));
        Assert.Equal("企业家本人", navigator.Wording.Beneficiary("entrepreneur"));
    }

    [Fact]
    public void AStatusListThatDisagreesWithTheEngine_StopsLoadingAtTheList()
    {
        using var copy = new CatalogCopy();
        copy.Edit("vocabulary/terms.yaml", "  ineligible: 不符合\n  needs-info: 待补充信息\n", "  ineligible: 不符合\n  needs-more: 待补充信息\n");
        var error = Assert.Throws<CatalogException>(() => PolicyNavigator.Open(copy.Root));
        Assert.EndsWith("terms.yaml", error.Location.File, StringComparison.Ordinal);
        Assert.Contains("needs-info", error.Message, StringComparison.Ordinal);
        Assert.Contains("needs-more", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AModelListThatDisagreesWithItsCodes_IsRefusedByTheLoader()
    {
        using var copy = new CatalogCopy();
        copy.Edit("vocabulary/terms.yaml", "  city: 市级\n", "");
        var error = Assert.Throws<CatalogException>(() => PolicyNavigator.Open(copy.Root));
        Assert.Contains("certificate_levels", error.Message, StringComparison.Ordinal);
        Assert.True(error.Location.Line > 0);
    }

    [Fact]
    public void APeriodListThatDisagreesWithTheEngine_StopsLoadingAtTheList()
    {
        using var copy = new CatalogCopy();
        copy.Edit("vocabulary/terms.yaml", "  month: 每月\n", "");
        var error = Assert.Throws<CatalogException>(() => PolicyNavigator.Open(copy.Root));
        Assert.EndsWith("terms.yaml", error.Location.File, StringComparison.Ordinal);
        Assert.Contains("periods", error.Message, StringComparison.Ordinal);
        Assert.Contains("month", error.Message, StringComparison.Ordinal);
    }
}
