using System.CommandLine;
using Srdi.Application.Checking;

namespace Srdi.Cli.Commands;

/// <summary>srdi check: validate the catalog, run every rules test, print the coverage.</summary>
internal static class CheckCommand
{
    public static Command Build(CommandContext context, Option<string?> catalogOption)
    {
        var documentOption = new Option<string?>("--document") { Description = "只运行这个文件的规则测试（如 sz-nanshan-2024）" };
        var command = new Command("check", "校验政策目录、运行全部规则测试并报告覆盖情况");
        command.Options.Add(documentOption);
        command.SetAction(parse =>
        {
            var navigator = context.Open(parse.GetValue(catalogOption));
            var documentId = parse.GetValue(documentOption);
            if (documentId is not null && navigator.Catalog.Documents.All(d => d.Id != documentId))
                throw new UsageException($"没有文件 \"{documentId}\"（可用：{string.Join("、", navigator.Catalog.Documents.Select(d => d.Id))}）");
            var output = context.Output;
            var report = CatalogCheck.Run(navigator, documentId);
            foreach (var failure in report.Results.Where(r => !r.Passed))
            {
                output.WriteLine($"✗ {failure.Case}");
                foreach (var f in failure.Failures) output.WriteLine("  " + f.Replace("\n", "\n  ", StringComparison.Ordinal));
            }
            foreach (var failure in report.Assessments.Where(r => !r.Passed))
            {
                output.WriteLine($"✗ {failure.Case}");
                foreach (var f in failure.Failures) output.WriteLine("  " + f.Replace("\n", "\n  ", StringComparison.Ordinal));
            }
            foreach (var problem in report.Conventions) output.WriteLine($"✗ 约定：{problem}");
            CoveragePrinter.Print(output, report.Coverage);
            output.WriteLine($"规则测试：{report.Results.Count(r => r.Passed)} 通过，{report.Results.Count(r => !r.Passed)} 失败；"
                + $"梯度认定测试：{report.Assessments.Count(r => r.Passed)} 通过，{report.Assessments.Count(r => !r.Passed)} 失败；约定检查：{report.Conventions.Count} 处问题");
            return report.Passed ? SrdiCommandLine.Ok : SrdiCommandLine.Failed;
        });
        return command;
    }
}
