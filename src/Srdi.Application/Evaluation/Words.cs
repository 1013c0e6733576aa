using Srdi.Engine;
using Srdi.Engine.Evaluation;
using Srdi.Model.Policies;

namespace Srdi.Application.Evaluation;

/// <summary>The words used for statuses and kinds: machine words for JSON and tests, Chinese for people.</summary>
public static class Words
{
    public static string Status(MeasureStatus s) => s switch
    {
        MeasureStatus.Eligible => "eligible",
        MeasureStatus.Ineligible => "ineligible",
        MeasureStatus.NeedsInfo => "needs-info",
        _ => "not-in-force",
    };

    public static string Kind(BenefitKind k) => k switch
    {
        BenefitKind.Exact => "exact",
        BenefitKind.UpTo => "up-to",
        BenefitKind.Schedule => "schedule",
        BenefitKind.External => "external",
        _ => "in-kind",
    };

    public static string Application(ApplicationMode m) => m switch
    {
        ApplicationMode.Apply => "apply",
        ApplicationMode.Automatic => "automatic",
        _ => "none",
    };

    public static string StatusChinese(MeasureStatus s) => s switch
    {
        MeasureStatus.Eligible => "符合",
        MeasureStatus.Ineligible => "不符合",
        MeasureStatus.NeedsInfo => "待补充信息",
        _ => "不在有效期",
    };

    public static string KindChinese(BenefitKind k) => k switch
    {
        BenefitKind.Exact => "确定金额",
        BenefitKind.UpTo => "最高",
        BenefitKind.Schedule => "分年度",
        BenefitKind.External => "按其他文件",
        _ => "非资金",
    };

    public static string ApplicationChinese(ApplicationMode m) => m switch
    {
        ApplicationMode.Apply => "申报",
        ApplicationMode.Automatic => "免申即享",
        _ => "无需申请",
    };

    /// <summary>true / false / unknown, as JSON results and tests write a three-valued outcome.</summary>
    public static string Outcome(Truth t) => t switch
    {
        Engine.Truth.True => "true",
        Engine.Truth.False => "false",
        _ => "unknown",
    };

    public static string Verdict(Engine.Tiers.Verdict v) => v switch
    {
        Engine.Tiers.Verdict.Qualifies => "qualifies",
        Engine.Tiers.Verdict.DoesNotQualify => "does-not-qualify",
        _ => "needs-info",
    };

    public static string Truth(Truth t) => t switch
    {
        Engine.Truth.True => "成立",
        Engine.Truth.False => "不成立",
        _ => "未知",
    };
}
