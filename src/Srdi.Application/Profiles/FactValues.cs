using System.Runtime.CompilerServices;
using Srdi.Model.Vocabulary;

namespace Srdi.Application.Profiles;

/// <summary>What makes a value acceptable for a fact, the same whether it comes from a JSON
/// profile, a roster cell or a web form: money is never negative, a rate lies in [0, 1], a
/// count is a whole number, a choice is one of the listed words.</summary>
public static class FactValues
{
    /// <summary>The largest amount of money accepted, in yuan: 1000万亿 (10^15), a thousand times
    /// China's yearly GDP. Within these ranges no rule's arithmetic can leave decimal's range.</summary>
    public const decimal MaxMoney = 1_000_000_000_000_000m;

    /// <summary>The largest count accepted (employees, patents, projects): 10^9.</summary>
    public const decimal MaxCount = 1_000_000_000m;

    /// <summary>The largest magnitude of a plain number accepted: 10^15.</summary>
    public const decimal MaxNumber = 1_000_000_000_000_000m;

    /// <summary>Money is kept to the fen (two decimals); rates and plain numbers to ten decimals.</summary>
    public const int MoneyDecimals = 2, RateDecimals = 10;

    /// <summary>Null when <paramref name="value"/> is acceptable for <paramref name="type"/>;
    /// otherwise why not, quoting the value as <paramref name="written"/>.</summary>
    // The row path is compiled fully at its first call rather than run precompiled until tiered up (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string? NumberProblem(FactType type, decimal value, string written) => type switch
    {
        FactType.Money when value < 0 => $"金额不能为负数：{Clip(written)}",
        FactType.Money when value > MaxMoney => $"金额超出上限 1000万亿元（10^15 元）：{Clip(written)}",
        FactType.Money when Decimals(value) > MoneyDecimals => $"金额最多精确到分（两位小数）：{Clip(written)}",
        FactType.Rate when value is < 0 or > 1 => $"比率应在 0 到 1 之间（3.5% 写作 0.035 或 3.5%），实际为 {Clip(written)}",
        FactType.Rate when Decimals(value) > RateDecimals => $"比率最多十位小数：{Clip(written)}",
        FactType.Count when value < 0 || Decimals(value) > 0 => $"应为非负整数，实际为 {Clip(written)}",
        FactType.Count when value > MaxCount => $"数量超出上限 10 亿（10^9）：{Clip(written)}",
        FactType.Number when Math.Abs(value) > MaxNumber => $"数值超出范围（绝对值不超过 10^15）：{Clip(written)}",
        FactType.Number when Decimals(value) > RateDecimals => $"数值最多十位小数：{Clip(written)}",
        _ => null,
    };

    private static readonly long MaxMoneyWhole = (long)MaxMoney, MaxCountWhole = (long)MaxCount, MaxNumberWhole = (long)MaxNumber;

    /// <summary>Whether a non-negative whole number is acceptable for a number type: what
    /// <see cref="NumberProblem"/> answers for it, in whole-number comparisons alone.</summary>
    public static bool WholeFits(FactType type, long whole) => whole >= 0 && type switch
    {
        FactType.Money => whole <= MaxMoneyWhole,
        FactType.Count => whole <= MaxCountWhole,
        FactType.Rate => whole <= 1,
        FactType.Number => whole <= MaxNumberWhole,
        _ => false,
    };

    /// <summary>Decimal places that matter: 1.50 has one.</summary>
    private static int Decimals(decimal value)
    {
        // Whole amounts written without a decimal point, nearly every cell, need no arithmetic.
        if (value.Scale == 0 || value == decimal.Truncate(value)) return 0;
        var scale = value.Scale;
        while (scale > 0 && decimal.Round(value, scale - 1) == value) scale--;
        return scale;
    }

    private static string Clip(string s) => CellValues.Clip(s);

    public static string? ChoiceProblem(IReadOnlyList<string> choices, string value) =>
        choices.Contains(value) ? null : $"\"{CellValues.Clip(value)}\" 不是可选值（可选：{string.Join("、", choices)}）";

    /// <summary>What a value of the type looks like, for "应为…" messages.</summary>
    public static string Expected(FactType type) => type switch
    {
        FactType.Money => "金额（如 5000000 或 500万）",
        FactType.Rate => "比率（如 0.035 或 3.5%）",
        FactType.Count => "非负整数",
        FactType.Boolean => "是/否（或 true/false）",
        FactType.Date => Text.IsoDate.Expected,
        FactType.Choice => "可选值之一",
        _ => "数值",
    };
}
