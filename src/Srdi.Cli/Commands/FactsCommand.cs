using Srdi.Model.Vocabulary;
using System.CommandLine;
using Spectre.Console;
using Srdi.Application.Policies;
using Srdi.Application.Profiles;

namespace Srdi.Cli.Commands;

/// <summary>srdi facts: the profile vocabulary with each fact's type, unit and users.</summary>
internal static class FactsCommand
{
    public static Command Build(CommandContext context, Option<string?> catalogOption)
    {
        var schemaOption = new Option<bool>("--json-schema") { Description = "输出企业档案的 JSON Schema（由事实词表生成）" };
        var command = new Command("facts", "列出企业档案可填写的事实：类型、单位、是否按年度、使用它的措施");
        command.Options.Add(schemaOption);
        command.SetAction(parse =>
        {
            var navigator = context.Open(parse.GetValue(catalogOption));
            if (parse.GetValue(schemaOption))
            {
                context.Output.Write(ProfileSchema.Generate(navigator.Catalog.Vocabulary));
                return SrdiCommandLine.Ok;
            }
            var table = new Table().AddColumns("事实", "含义", "类型", "单位", "按年度", "使用它的措施");
            var facts = context.Service<PolicyLibrary>(parse.GetValue(catalogOption)).Facts().ToList();
            foreach (var (fact, measures) in facts)
            {
                var type = Codes.Of(fact.Type)
                    + (fact.Choices.Count > 0 ? $"：{string.Join("/", fact.Choices)}" : "")
                    + (fact.Fields.Count > 0 ? $"：{{{string.Join(", ", fact.Fields.Select(f => $"{f.Name}: {Codes.Of(f.Type)}"))}}}" : "");
                table.AddRow(Markup.Escape(fact.Name), Markup.Escape(fact.Label), Markup.Escape(type), Markup.Escape(fact.Unit ?? ""),
                    fact.Yearly ? "是" : "", Markup.Escape(measures.Count == 0 ? "—" : string.Join(", ", measures)));
            }
            Screen.Render(context.Output, table);
            context.Output.WriteLine($"共 {facts.Count} 个事实。档案中还可填写 area（注册地）和 certificates（证书），见 docs/profile.md。");
            return SrdiCommandLine.Ok;
        });
        return command;
    }
}
