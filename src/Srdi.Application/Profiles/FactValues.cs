using Srdi.Model.Vocabulary;

namespace Srdi.Application.Profiles;

/// <summary>What makes a value acceptable for a fact, the same whether it comes from a JSON
/// profile, a roster cell or a web form: money is never negative, a rate lies in [0, 1], a
/// count is a whole number, a choice is one of the listed words.</summary>
public static class FactValues
{
    /// <summary>Null when <paramref name="value"/> is acceptable for <paramref name="type"/>;
    /// otherwise why not, quoting the value as <paramref name="written"/>.</summary>
    public static string? NumberProblem(FactType type, decimal value, string written) => type switch
    {
        FactType.Money when value < 0 => $"金额不能为负数：{written}",
        FactType.Rate when value is < 0 or > 1 => $"比率应在 0 到 1 之间（3.5% 写作 0.035 或 3.5%），实际为 {written}",
        FactType.Count when value < 0 || value != decimal.Truncate(value) => $"应为非负整数，实际为 {written}",
        _ => null,
    };

    public static string? ChoiceProblem(IReadOnlyList<string> choices, string value) =>
        choices.Contains(value) ? null : $"\"{CellValues.Clip(value)}\" 不是可选值（可选：{string.Join("、", choices)}）";

    /// <summary>What a value of the type looks like, for "应为…" messages.</summary>
    public static string Expected(FactType type) => type switch
    {
        FactType.Money => "金额（如 5000000 或 500万）",
        FactType.Rate => "比率（如 0.035 或 3.5%）",
        FactType.Count => "非负整数",
        FactType.Boolean => "是/否（或 true/false）",
        FactType.Date => "日期 YYYY-MM-DD",
        FactType.Choice => "可选值之一",
        _ => "数值",
    };
}
