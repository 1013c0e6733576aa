using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace Srdi.Cli;

/// <summary>System.CommandLine's parse errors in Chinese: the option or argument, the value given
/// and the value expected, never a .NET type name. The parser runs with the invariant UI culture,
/// so its messages have the English wording matched here; an unknown one is still shown, after
/// a Chinese lead.</summary>
internal static partial class ParseErrors
{
    public static string Translate(ParseError error)
    {
        var message = error.Message;
        Match m;
        if ((m = OptionValue().Match(message)).Success)
            return $"选项 {m.Groups["option"].Value} 的值“{Clean(m.Groups["value"].Value)}”无效：应为{Expected(error, m.Groups["type"].Value)}";
        if ((m = CommandValue().Match(message)).Success)
            return $"参数“{Clean(m.Groups["value"].Value)}”无效：应为{Expected(error, m.Groups["type"].Value)}";
        if ((m = PlainValue().Match(message)).Success)
            return $"参数“{Clean(m.Groups["value"].Value)}”无效：应为{Expected(error, m.Groups["type"].Value)}";
        if ((m = ArgumentMissing().Match(message)).Success)
            return $"命令 {m.Groups["command"].Value} 缺少参数 <{m.Groups["argument"].Value}>{ArgumentHint(m.Groups["argument"].Value)}";
        if ((m = OptionValueMissing().Match(message)).Success)
            return $"选项 {m.Groups["option"].Value} 后面缺少值{OptionHint(error)}";
        if ((m = OptionRequired().Match(message)).Success)
            return $"缺少必填选项 {m.Groups["option"].Value}{OptionHint(error, m.Groups["option"].Value)}";
        if ((m = Unrecognized().Match(message)).Success)
            return $"无法识别的命令或参数“{Clean(m.Groups["value"].Value)}”";
        if ((m = SingleValue().Match(message)).Success)
            return $"选项 {m.Groups["option"].Value} 只能给一个值，实际给了 {m.Groups["count"].Value} 个";
        if ((m = NotOneOf().Match(message)).Success)
            return $"值“{Clean(m.Groups["value"].Value)}”无效，应为以下之一：{m.Groups["choices"].Value.Trim()}";
        if ((m = ResponseFile().Match(message)).Success)
            return $"找不到参数文件“{Clean(m.Groups["file"].Value)}”（以 @ 开头的参数被当作参数文件读取）";
        if (message.StartsWith("Required command was not provided", StringComparison.Ordinal))
            return "请指定子命令";
        return $"命令行有误：{Clean(message)}";
    }

    private static string Clean(string value) => TerminalText.Clean(value);

    /// <summary>What a person should type, from the parser's type name.</summary>
    private static string Expected(ParseError error, string typeName)
    {
        var type = (error.SymbolResult as OptionResult)?.Option.ValueType ?? (error.SymbolResult as ArgumentResult)?.Argument.ValueType;
        var name = (type is null ? null : Nullable.GetUnderlyingType(type) ?? type)?.Name ?? typeName;
        if (name.Contains("Int32", StringComparison.Ordinal) || name.Contains("Int64", StringComparison.Ordinal)) return "整数";
        if (name.Contains("Decimal", StringComparison.Ordinal) || name.Contains("Double", StringComparison.Ordinal)) return "数字";
        if (name.Contains("Boolean", StringComparison.Ordinal)) return " true 或 false";
        if (name.Contains("DateOnly", StringComparison.Ordinal) || name.Contains("DateTime", StringComparison.Ordinal)) return "日期 YYYY-MM-DD";
        return "有效的值";
    }

    private static string ArgumentHint(string argument) => argument switch
    {
        "profile" => "（企业档案 JSON 文件）",
        "roster" => "（名单文件）",
        "id" => "（措施 id）",
        "text" => "（要搜索的文字）",
        "old" or "new" => "（srdi batch 的输出文件夹）",
        _ => "",
    };

    private static string OptionHint(ParseError error, string? name = null)
    {
        var option = (error.SymbolResult as OptionResult)?.Option;
        if (option is null && name is not null && error.SymbolResult is CommandResult command)
            option = command.Command.Options.FirstOrDefault(o => o.Name == name || o.Aliases.Contains(name));
        return option?.Description is { Length: > 0 } d ? $"（{d}）" : "";
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']*)' as expected type '(?<type>[^']*)'", RegexOptions.Singleline)]
    private static partial Regex OptionValue();

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for command '(?<command>[^']*)' as expected type '(?<type>[^']*)'", RegexOptions.Singleline)]
    private static partial Regex CommandValue();

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' as expected type '(?<type>[^']*)'", RegexOptions.Singleline)]
    private static partial Regex PlainValue();

    [GeneratedRegex(@"^Required argument '(?<argument>[^']*)' missing for command: '(?<command>[^']*)'")]
    private static partial Regex ArgumentMissing();

    [GeneratedRegex(@"^Required argument missing for option: '(?<option>[^']*)'")]
    private static partial Regex OptionValueMissing();

    [GeneratedRegex(@"^Option '(?<option>[^']*)' is required")]
    private static partial Regex OptionRequired();

    [GeneratedRegex(@"^Unrecognized command or argument '(?<value>.*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex Unrecognized();

    [GeneratedRegex(@"^Option '(?<option>[^']*)' expects a single argument but (?<count>\d+) were provided")]
    private static partial Regex SingleValue();

    [GeneratedRegex(@"^Argument '(?<value>.*)' not recognized\. Must be one of:(?<choices>.*)$", RegexOptions.Singleline)]
    private static partial Regex NotOneOf();

    [GeneratedRegex(@"^Response file not found '(?<file>.*)'", RegexOptions.Singleline)]
    private static partial Regex ResponseFile();
}
