using System.CommandLine;
using System.Globalization;
using Srdi.Application.Contracts;
using Srdi.Application.Evaluation;
using Srdi.Application.Profiles;
using Srdi.Application.Vocabulary;

namespace Srdi.Cli.Commands;

/// <summary>srdi evaluate PROFILE [--at DATE] [--include-drafts] [--json].</summary>
internal static class EvaluateCommand
{
    public static Command Build(CommandContext context, Option<string?> catalogOption)
    {
        var profileArgument = new Argument<string>("profile") { Description = "企业档案 JSON 文件（格式见 docs/profile.md）" };
        var atOption = new Option<string?>("--at") { Description = "评估日期 YYYY-MM-DD（默认今天）" };
        var draftsOption = new Option<bool>("--include-drafts") { Description = "合计中计入征求意见稿的措施" };
        var jsonOption = new Option<bool>("--json") { Description = "输出完整结果的 JSON（结构见 docs/evaluation-json.md）" };
        var upgradeOption = new Option<bool>("--with-upgrade") { Description = "另列晋级价值：取得下一档证书后新增的措施和金额" };
        var command = new Command("evaluate", "评估一家企业适用的全部措施、金额、依据和待补充信息");
        command.Arguments.Add(profileArgument);
        command.Options.Add(atOption);
        command.Options.Add(draftsOption);
        command.Options.Add(jsonOption);
        command.Options.Add(upgradeOption);
        command.SetAction(parse =>
        {
            var at = ParseDate(parse.GetValue(atOption));
            var catalog = parse.GetValue(catalogOption);
            var profilePath = parse.GetValue(profileArgument)!;
            OutputPaths.CheckInput("企业档案文件", profilePath);
            var profile = context.Service<ProfileReader>(catalog).ReadFile(profilePath);
            var service = context.Service<EvaluationService>(catalog);
            var evaluation = service.Evaluate(profile, at, parse.GetValue(draftsOption), parse.GetValue(upgradeOption));
            if (parse.GetValue(jsonOption))
                context.Output.WriteLine(SrdiJson.Serialize(service.Result(evaluation)));
            else
            {
                EvaluationPrinter.Print(context.Output, service.View(evaluation));
                if (parse.GetValue(upgradeOption)) AssessmentPrinter.PrintUpgrade(context.Output, evaluation.Upgrade, context.Service<Wording>(catalog));
            }
            return SrdiCommandLine.Ok;
        });
        return command;
    }

    /// <summary>The date is read here, at the edge: the engine never reads a clock.</summary>
    internal static DateOnly ParseDate(string? text)
    {
        if (text is null) return DateOnly.FromDateTime(DateTime.Now);
        return Application.Text.IsoDate.TryParse(text, out var d)
            ? d
            : throw new UsageException($"--at 应为{Application.Text.IsoDate.Expected}，实际为“{TerminalText.Clean(text)}”");
    }
}
