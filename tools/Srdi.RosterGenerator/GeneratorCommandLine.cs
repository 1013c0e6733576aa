using System.Globalization;
using Srdi.Application;
using Srdi.Application.Rosters;
using Srdi.Model.Sources;

namespace Srdi.Tools.Rosters;

/// <summary>dotnet run --project tools/Srdi.RosterGenerator -- --count N --seed S [--city 深圳 …]
/// [--at DATE] [--catalog DIR] --out FILE.csv|.jsonl. Exit 0 on success, 2 on bad input with one
/// Chinese message (the exit codes of srdi).</summary>
public static class GeneratorCommandLine
{
    public const int Ok = 0;
    public const int BadInput = 2;

    private const string Usage =
        "用法：dotnet run --project tools/Srdi.RosterGenerator -- --count 企业数 [--seed 种子] [--city 城市 …] [--at 评估日期] [--catalog 政策目录] --out 文件.csv|.jsonl";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            var options = Parse(args, out var path, out var catalog);
            var navigator = PolicyNavigator.Open(catalog);
            var generator = new RosterGenerator(navigator.Catalog, options);
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder) Directory.CreateDirectory(folder);
            generator.Write(path, new RosterLayout(navigator.Compiled));
            var cities = string.Join("、", generator.Cities.Select(c =>
                $"{c.City.Name}{(c.City.Covered ? "" : "（无目录文件）")} {(c.Share * 100).ToString("0.#", CultureInfo.InvariantCulture)}%"));
            output.WriteLine($"已生成 {options.Count.ToString("N0", CultureInfo.InvariantCulture)} 家企业：{Path.GetFullPath(path)}");
            output.WriteLine($"城市：{cities}");
            return Ok;
        }
        catch (UsageException e)
        {
            error.WriteLine(e.Message);
            return BadInput;
        }
        catch (ArgumentException e)
        {
            error.WriteLine(e.Message);
            return BadInput;
        }
        catch (CatalogException e)
        {
            error.WriteLine($"政策目录无法读取：{e.Message}");
            return BadInput;
        }
        catch (IOException e)
        {
            error.WriteLine($"无法写出名单：{e.Message}");
            return BadInput;
        }
        catch (UnauthorizedAccessException e)
        {
            error.WriteLine($"无法写出名单：{e.Message}");
            return BadInput;
        }
    }

    private static GeneratorOptions Parse(string[] args, out string path, out string? catalog)
    {
        int? count = null;
        var seed = 1;
        DateOnly? at = null;
        string? outPath = null;
        catalog = null;
        var cities = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var option = args[i];
            string Value() => i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                ? args[++i]
                : throw new UsageException($"{option} 后缺少取值。{Usage}");
            switch (option)
            {
                case "--count":
                    var c = Value();
                    count = int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                        ? n : throw new UsageException($"--count 应为正整数，实际为 \"{c}\"");
                    break;
                case "--seed":
                    var s = Value();
                    seed = int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
                        ? v : throw new UsageException($"--seed 应为整数，实际为 \"{s}\"");
                    break;
                case "--at":
                    var a = Value();
                    at = DateOnly.TryParseExact(a, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                        ? date : throw new UsageException($"--at 应为 YYYY-MM-DD 格式的日期，实际为 \"{a}\"");
                    break;
                case "--catalog":
                    catalog = Value();
                    break;
                case "--out":
                    outPath = Value();
                    break;
                case "--city":
                    cities.Add(Value());
                    // --city 深圳 广州: the names up to the next option.
                    while (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) cities.Add(args[++i]);
                    break;
                default:
                    throw new UsageException($"无法识别的参数 \"{option}\"。{Usage}");
            }
        }
        if (count is null) throw new UsageException($"缺少 --count（企业数）。{Usage}");
        if (outPath is null) throw new UsageException($"缺少 --out（输出文件）。{Usage}");
        if (!outPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !outPath.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
            throw new UsageException($"--out 应以 .csv 或 .jsonl 结尾，实际为 \"{outPath}\"");
        if (cities.Any(string.IsNullOrWhiteSpace)) throw new UsageException("--city 的城市名不能为空");
        path = outPath;
        return new GeneratorOptions(count.Value, seed, at ?? DateOnly.FromDateTime(DateTime.Today), cities);
    }

    private sealed class UsageException(string message) : Exception(message);
}
