using System.Text.Json;
using Xunit;
using static Srdi.Tests.Cli.CliRun;

namespace Srdi.Tests.Cli;

/// <summary>The tier-assessment issue's acceptance, through the command line.</summary>
public sealed class AssessCommandTests
{
    private const string Manufacturer = "nanshan-sensor-manufacturer.json";

    [Fact]
    public void RealisticManufacturer_GetsAVerdictScoresGapsAndTheUpgradeValue()
    {
        var (exit, output, error) = Run("assess", Example(Manufacturer), "--at", "2025-06-01");
        Assert.True(exit == 0, error);
        Assert.Contains("企业规模：小型（工业）", output, StringComparison.Ordinal);
        Assert.Contains("■ 创新型中小企业：符合（评分 95 分，达到及格线 60 分）", output, StringComparison.Ordinal);
        Assert.Contains("■ 专精特新中小企业：符合（评分 81 分，达到及格线 60 分）", output, StringComparison.Ordinal);
        Assert.Contains("■ 专精特新“小巨人”企业：不符合", output, StringComparison.Ordinal);
        Assert.Contains("G7 主导产品在全国细分市场占有率达到10%以上：当前 8.5%，需要 10%", output, StringComparison.Ordinal);
        Assert.Contains("晋级价值：若在评估日首次取得「专精特新“小巨人”企业」", output, StringComparison.Ordinal);
        // 南山 4: 100万 one-off; 南山 20: rent 600万 → 180万 × 3 + 90万 × 2 = 720万.
        Assert.Contains("南山区促进专精特新企业发展专项扶持措施：确定 +100万元，最高 +0元，分年度 +720万元", output, StringComparison.Ordinal);
    }

    /// <summary>Issue 9: a holder of a valid 专精特新 certificate in Shenzhen is judged at its review,
    /// not by Guangdong's new-applicant condition GD1; verdicts are not doubled, facts are named
    /// in Chinese, and the size figures are said to be missing, not shown as placeholders.</summary>
    [Fact]
    public void Holder_IsJudgedByTheHoldersConditions_InPlainChinese()
    {
        var (exit, output, error) = Run("assess", Example("nanshan-little-giant.json"), "--at", "2025-06-01");
        Assert.True(exit == 0, error);
        Assert.Contains("■ 专精特新中小企业：待补充信息  [已持有有效证书，按复核条件判断]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("GD1", output, StringComparison.Ordinal);
        Assert.DoesNotContain("不符合（不符合）", output, StringComparison.Ordinal);
        Assert.DoesNotContain("待补充信息（需补充信息）", output, StringComparison.Ordinal);
        Assert.DoesNotContain("从业人员X", output, StringComparison.Ordinal);
        Assert.DoesNotContain("未知 < 1000", output, StringComparison.Ordinal);
        Assert.Contains("划型所需数据未填写", output, StringComparison.Ordinal);
        Assert.Contains("需补充：从业人员数（期末）、营业收入", output, StringComparison.Ordinal);
        Assert.DoesNotContain("employees", output, StringComparison.Ordinal);
        Assert.DoesNotContain("rd_expense", output, StringComparison.Ordinal);
    }

    [Fact]
    public void SizeFromFigures_ShowsTheRealFigures()
    {
        var (_, output, _) = Run("assess", Example(Manufacturer), "--at", "2025-06-01");
        Assert.Contains("按从业人员、营业收入划型：中小企业上限 285 < 1000", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_CarriesVerdictsIndicatorsAndUpgrade()
    {
        var (exit, output, _) = Run("assess", Example(Manufacturer), "--at", "2025-06-01", "--json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("srdi.assessment/1", root.GetProperty("schema").GetString());
        var tiers = root.GetProperty("tiers").EnumerateArray().ToDictionary(t => t.GetProperty("certificate").GetString()!);
        Assert.Equal("qualifies", tiers["srdi-sme"].GetProperty("verdict").GetString());
        Assert.Equal(81m, tiers["srdi-sme"].GetProperty("score").GetProperty("points").GetDecimal());
        Assert.Equal("does-not-qualify", tiers["little-giant"].GetProperty("verdict").GetString());
        var upgrade = root.GetProperty("upgrade");
        Assert.Equal("little-giant", upgrade.GetProperty("next_tier").GetString());
        Assert.Equal(1_000_000m, upgrade.GetProperty("in_force_difference").GetProperty("exact").GetDecimal());
        Assert.Equal(7_200_000m, upgrade.GetProperty("in_force_difference").GetProperty("scheduled").GetDecimal());
    }

    [Fact]
    public void AssessingAfterThe2026Revision_SaysTheResultRestsOnThe2022Tables()
    {
        var (_, output, _) = Run("assess", Example(Manufacturer), "--at", "2026-11-23");
        Assert.Contains("注意：2026年1月17日起修订版", output, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateWithUpgrade_AddsTheUpgradeSection()
    {
        var (exit, output, _) = Run("evaluate", Example(Manufacturer), "--at", "2025-06-01", "--with-upgrade");
        Assert.Equal(0, exit);
        Assert.Contains("晋级价值：", output, StringComparison.Ordinal);
        Assert.Contains("sz-nanshan-2024.4「加大奖励扶持力度」100万元", output, StringComparison.Ordinal);
    }

    [Fact]
    public void LittleGiant_HasNoHigherRung()
    {
        var (_, output, _) = Run("assess", Example("nanshan-little-giant.json"), "--at", "2025-06-01");
        Assert.Contains("没有更高一档", output, StringComparison.Ordinal);
    }
}
