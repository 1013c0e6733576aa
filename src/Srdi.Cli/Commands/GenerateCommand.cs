using System.CommandLine;
using System.Globalization;
using Srdi.Application.Rosters;

namespace Srdi.Cli.Commands;

/// <summary>srdi roster generate --count N --seed S [--city …] --out FILE.</summary>
internal static class GenerateCommand
{
    public static Command Build(CommandContext context, Option<string?> catalogOption)
    {
        var countOption = new Option<int>("--count") { Description = "企业数", Required = true };
        var seedOption = new Option<int>("--seed") { Description = "随机种子：同一种子生成同一名单", DefaultValueFactory = _ => 1 };
        var cityOption = new Option<string[]>("--city") { Description = $"只生成这些城市的企业（可多次给出）：{string.Join("、", RosterGenerator.KnownCities)}", AllowMultipleArgumentsPerToken = true };
        var atOption = new Option<string?>("--at") { Description = "评估日期：按年度的数据填到此前的年度（默认今天）" };
        var outOption = new Option<string>("--out") { Description = "输出文件：.csv 或 .jsonl", Required = true };
        var command = new Command("generate", "生成模拟企业名单（创新型 : 专精特新 : 小巨人 约 34 : 8 : 1，见 docs/roster.md）");
        foreach (var option in new Option[] { countOption, seedOption, cityOption, atOption, outOption }) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var count = parse.GetValue(countOption);
            if (count <= 0) throw new UsageException("--count 应为正整数");
            var cities = (parse.GetValue(cityOption) ?? []).Select(c => c.EndsWith('市') ? c : c + "市").ToList();
            var unknown = cities.Where(c => !RosterGenerator.KnownCities.Contains(c)).ToList();
            if (unknown.Count > 0) throw new UsageException($"未知的城市 {string.Join("、", unknown)}；可选：{string.Join("、", RosterGenerator.KnownCities)}");
            var path = parse.GetValue(outOption)!;
            if (!path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
                throw new UsageException("--out 应以 .csv 或 .jsonl 结尾");
            var navigator = context.Open(parse.GetValue(catalogOption));
            var generator = new RosterGenerator(new GeneratorOptions(count, parse.GetValue(seedOption), EvaluateCommand.ParseDate(parse.GetValue(atOption)), cities));
            generator.Write(path, new RosterLayout(navigator.Compiled));
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"已生成 {count:N0} 家企业：{Path.GetFullPath(path)}"));
            return SrdiCommandLine.Ok;
        });
        return command;
    }
}
