using System.CommandLine;
using Srdi.Application.Contracts;
using Srdi.Application.Profiles;
using Srdi.Application.Tiers;
using Srdi.Application.Vocabulary;

namespace Srdi.Cli.Commands;

/// <summary>srdi assess PROFILE [--at DATE] [--json]: tier verdicts, scores, gaps, upgrade value.</summary>
internal static class AssessCommand
{
    public static Command Build(CommandContext context, Option<string?> catalogOption)
    {
        var profileArgument = new Argument<string>("profile") { Description = "企业档案 JSON 文件" };
        var atOption = new Option<string?>("--at") { Description = "评估日期 YYYY-MM-DD（默认今天）" };
        var jsonOption = new Option<bool>("--json") { Description = "输出 JSON（结构见 docs/assessment-json.md）" };
        var command = new Command("assess", "梯度评估：创新型中小企业、专精特新中小企业、小巨人各档是否符合，评分、差距和晋级价值");
        command.Arguments.Add(profileArgument);
        command.Options.Add(atOption);
        command.Options.Add(jsonOption);
        command.SetAction(parse =>
        {
            var at = EvaluateCommand.ParseDate(parse.GetValue(atOption));
            var catalog = parse.GetValue(catalogOption);
            var profilePath = parse.GetValue(profileArgument)!;
            OutputPaths.CheckInput("企业档案文件", profilePath);
            var profile = context.Service<ProfileReader>(catalog).ReadFile(profilePath);
            var service = context.Service<AssessmentService>(catalog);
            var assessment = service.Assess(profile, at);
            if (parse.GetValue(jsonOption)) context.Output.WriteLine(SrdiJson.Serialize(AssessmentService.Result(assessment)));
            else
            {
                var wording = context.Service<Wording>(catalog);
                AssessmentPrinter.Print(context.Output, assessment.Report, wording, context.Open(catalog).Catalog.Vocabulary);
                AssessmentPrinter.PrintUpgrade(context.Output, assessment.Upgrade, wording);
            }
            return SrdiCommandLine.Ok;
        });
        return command;
    }
}
