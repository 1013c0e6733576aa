using System.Collections.Concurrent;
using System.Globalization;
using Srdi.Engine.Expressions.Nodes;
using Srdi.Engine.Runtime;
using Srdi.Model.Sources;
using Srdi.Model.Vocabulary;

namespace Srdi.Engine.Expressions;

/// <summary>Resolves the names of a parsed expression against the vocabulary and the
/// document's own terms and parameters, checks types, and produces evaluable nodes.</summary>
internal sealed class Binder(FactSlots slots, CatalogVocabulary vocabulary, RuleScope scope, CertificateBits bits)
{
    public CertificateBits Bits => bits;

    /// <summary>Rule texts already parsed, shared by the binders of one catalog: documents copied
    /// from city to city repeat the same texts, and a syntax tree is immutable.</summary>
    public ConcurrentDictionary<string, Syntax>? Parsed { get; init; }

    /// <summary>Compiles one expression; errors name the catalog file and line.</summary>
    public Node Compile(SourceText source, ExprType expected, string role)
    {
        try
        {
            var syntax = Parsed is null ? Parser.Parse(source.Text) : Parsed.GetOrAdd(source.Text, Parser.Parse);
            var node = Bind(syntax, null);
            if (node.Type != expected && !(expected == ExprType.Number && node.Type == ExprType.Null))
                throw new ExpressionException(0, $"{role}应为{Describe(expected)}，而此表达式是{Describe(node.Type)}");
            return node;
        }
        catch (ExpressionException e)
        {
            throw new CatalogException(source.Location, string.Create(CultureInfo.InvariantCulture, $"{role} \"{source.Text}\" 第 {e.Offset + 1} 个字符处：{e.Message}"));
        }
    }

    public CertificateRequirement[] ResolveTargets(string written, int offset = 0)
    {
        if (scope.Terms.TryGetValue(written, out var defined)) return defined.ToArray();
        return [ParseRequirement(vocabulary, written, offset)];
    }

    public static CertificateRequirement ParseRequirement(CatalogVocabulary vocabulary, string written, int offset = 0)
    {
        var parts = written.Split('@');
        if (!vocabulary.Certificates.TryGetValue(parts[0], out var kind))
            throw new ExpressionException(offset, $"\"{written}\" 既不是本文件 terms 中定义的名称，也不是证书种类（可用：{string.Join("、", vocabulary.Certificates.Keys)}）");
        if (parts.Length == 1) return new CertificateRequirement(kind.Id, null);
        if (parts.Length > 2 || !Enum.TryParse<CertificateLevel>(parts[1], true, out var level) || !kind.Levels.Contains(level))
            throw new ExpressionException(offset, $"\"{written}\" 的级别无效，{kind.Id} 可用级别：{string.Join("、", kind.Levels.Select(Codes.Of))}");
        return new CertificateRequirement(kind.Id, level);
    }

    private Node Bind(Syntax syntax, IReadOnlyList<FieldDefinition>? item) => syntax switch
    {
        NumberSyntax n => new NumberLiteral(n.Value, n.Unit),
        StringSyntax s => new TextLiteral(s.Value),
        BoolSyntax b => new BoolLiteral(b.Value),
        NullSyntax => new NullLiteral(),
        NameSyntax name => BindName(name, item),
        YearlySyntax y => BindYearly(y),
        FieldSyntax f => BindField(f, item),
        ParameterSyntax p => BindParameter(p, item),
        UnarySyntax u => BindUnary(u, item),
        BinarySyntax b => BindBinary(b, item),
        InSyntax i => new Membership(Bind(i.Value, item), i.Choices.Select(c => Bind(c, item)).ToArray()),
        CallSyntax c => BindCall(c, item),
        _ => throw new ExpressionException(syntax.Offset, "无法识别的表达式"),
    };

    private Node BindName(NameSyntax name, IReadOnlyList<FieldDefinition>? item)
    {
        if (name.Name == "at") return new EvaluationDate();
        if (name.Name == "target" && scope.HasTarget) return new GapTarget();
        if (name.Name == "item")
            throw new ExpressionException(name.Offset, item is null ? "item 只能用在 sum、count、any、all 之内" : "请写 item.字段名");
        var fact = FindFact(name.Name, name.Offset);
        if (fact.Yearly)
            throw new ExpressionException(name.Offset, $"事实 {fact.Name} 按年度填写，请写 {fact.Name}@last_year（上一年度）、@this_year 或 @年份");
        slots.TryGet(fact.Name, out var slot);
        return new FactReference(fact, slot);
    }

    private YearlyFactReference BindYearly(YearlySyntax y)
    {
        var fact = FindFact(y.Fact, y.Offset);
        if (!fact.Yearly)
            throw new ExpressionException(y.Offset, $"事实 {fact.Name} 不按年度填写，不能加 @{y.Year}");
        slots.TryGet(fact.Name, out var slot);
        return y.Year switch
        {
            "last_year" => new YearlyFactReference(fact, slot, relative: true, -1),
            "this_year" => new YearlyFactReference(fact, slot, relative: true, 0),
            _ when y.Year.StartsWith('-') && int.TryParse(y.Year[1..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var back) && back is > 0 and < 50 => new YearlyFactReference(fact, slot, relative: true, -back),
            _ when int.TryParse(y.Year, NumberStyles.Integer, CultureInfo.InvariantCulture, out var year) && year is > 1900 and < 2200 => new YearlyFactReference(fact, slot, relative: false, year),
            _ => throw new ExpressionException(y.Offset, $"\"@{y.Year}\" 无效：应为 last_year、this_year、-N（N 年前）或四位年份"),
        };
    }

    private static ItemField BindField(FieldSyntax f, IReadOnlyList<FieldDefinition>? item)
    {
        if (f.Target is not NameSyntax { Name: "item" })
            throw new ExpressionException(f.Offset, "只有 item 有字段（item.字段名）");
        if (item is null)
            throw new ExpressionException(f.Offset, "item 只能用在 sum、count、any、all 之内");
        for (var i = 0; i < item.Count; i++)
            if (item[i].Name == f.Field) return new ItemField(item[i], i);
        throw new ExpressionException(f.Offset, $"列表项没有字段 \"{f.Field}\"（可用：{string.Join("、", item.Select(x => x.Name))}）");
    }

    private Node BindParameter(ParameterSyntax p, IReadOnlyList<FieldDefinition>? item)
    {
        if (scope.RegionalParameters.TryGetValue(p.Name, out var regional))
        {
            if (p.Date is not null) throw new ExpressionException(p.Offset, $"地区参数 ${p.Name} 按评估日取值，不能指定日期");
            return new RegionalParameterReference(regional);
        }
        if (!scope.Parameters.TryGetValue(p.Name, out var parameter) && !vocabulary.Parameters.TryGetValue(p.Name, out parameter))
            throw new ExpressionException(p.Offset, $"未知的参数 ${p.Name}（可用：{string.Join("、", vocabulary.Parameters.Keys.Concat(scope.Parameters.Keys).Concat(scope.RegionalParameters.Keys).Select(k => "$" + k))}）");
        Node? date = null;
        if (p.Date is not null)
        {
            date = Bind(p.Date, item);
            Require(date, ExprType.Date, p.Date.Offset, "参数的日期");
        }
        return new ParameterReference(parameter, date);
    }

    private Node BindUnary(UnarySyntax u, IReadOnlyList<FieldDefinition>? item)
    {
        var operand = Bind(u.Operand, item);
        if (u.Operator == "not")
        {
            Require(operand, ExprType.Bool, u.Operand.Offset, "not 的操作数");
            return new Not(operand);
        }
        Require(operand, ExprType.Number, u.Operand.Offset, "负号的操作数");
        return new Negation(operand);
    }

    private Node BindBinary(BinarySyntax b, IReadOnlyList<FieldDefinition>? item)
    {
        var left = Bind(b.Left, item);
        var right = Bind(b.Right, item);
        switch (b.Operator)
        {
            case "and" or "or":
                Require(left, ExprType.Bool, b.Left.Offset, $"{b.Operator} 的左边");
                Require(right, ExprType.Bool, b.Right.Offset, $"{b.Operator} 的右边");
                return new Logic(b.Operator == "and", left, right);
            case "+" or "-" or "*" or "/":
                Require(left, ExprType.Number, b.Left.Offset, $"\"{b.Operator}\" 的左边");
                Require(right, ExprType.Number, b.Right.Offset, $"\"{b.Operator}\" 的右边");
                return new Arithmetic(b.Operator, left, right);
            default:
                if (left.Type != ExprType.Null && right.Type != ExprType.Null && left.Type != right.Type)
                    throw new ExpressionException(b.Offset, $"不能比较{Describe(left.Type)}与{Describe(right.Type)}");
                if (left.Type is ExprType.Text or ExprType.Bool or ExprType.Null || right.Type is ExprType.Null)
                {
                    if (b.Operator is not ("==" or "!="))
                        throw new ExpressionException(b.Offset, $"{Describe(left.Type)}只能用 == 或 != 比较");
                }
                return new Comparison(b.Operator, left, right);
        }
    }

    private Node BindCall(CallSyntax c, IReadOnlyList<FieldDefinition>? item)
    {
        var args = c.Arguments;
        switch (c.Function)
        {
            case "min" or "max":
                Arity(c, 2, int.MaxValue);
                var bound = args.Select(a => Bind(a, item)).ToArray();
                for (var i = 0; i < bound.Length; i++) Require(bound[i], ExprType.Number, args[i].Offset, $"{c.Function} 的参数");
                return new Extremum(c.Function == "min", bound);
            case "if":
                Arity(c, 3, 3);
                var condition = Bind(args[0], item);
                Require(condition, ExprType.Bool, args[0].Offset, "if 的条件");
                var a = Bind(args[1], item);
                var b = Bind(args[2], item);
                if (a.Type != b.Type && a.Type != ExprType.Null && b.Type != ExprType.Null)
                    throw new ExpressionException(c.Offset, "if 的两个分支类型不同");
                return new Choice(condition, a, b);
            case "between":
                Arity(c, 3, 3);
                var parts = args.Select(x => Bind(x, item)).ToArray();
                for (var i = 0; i < 3; i++) Require(parts[i], ExprType.Number, args[i].Offset, "between 的参数");
                return new Between(parts[0], parts[1], parts[2]);
            case "floor":
                Arity(c, 1, 1);
                var floored = Bind(args[0], item);
                Require(floored, ExprType.Number, args[0].Offset, "floor 的参数");
                return new Floor(floored);
            case "year":
                Arity(c, 1, 1);
                var date = Bind(args[0], item);
                Require(date, ExprType.Date, args[0].Offset, "year 的参数");
                return new YearOf(date);
            case "within_validity":
                Arity(c, 1, 1);
                var dated = Bind(args[0], item);
                Require(dated, ExprType.Date, args[0].Offset, "within_validity 的参数");
                return new WithinValidity(dated);
            case "sum" or "count" or "any" or "all":
                Arity(c, c.Function == "count" ? 1 : 2, 2);
                var list = Bind(args[0], item);
                Require(list, ExprType.List, args[0].Offset, $"{c.Function} 的第一个参数");
                Node? body = null;
                if (args.Count == 2)
                {
                    body = Bind(args[1], list.Fields);
                    Require(body, c.Function == "sum" ? ExprType.Number : ExprType.Bool, args[1].Offset, $"{c.Function} 的第二个参数");
                }
                var kind = c.Function switch { "sum" => AggregateKind.Sum, "count" => AggregateKind.Count, "any" => AggregateKind.Any, _ => AggregateKind.All };
                return new Aggregate(kind, list, body);
            case "holds":
                Arity(c, 1, 1);
                var term = TermArgument(args[0]);
                return new Holds(DisplayName(term), bits.Mask(ResolveTargets(term, args[0].Offset)));
            case "first_obtained":
                Arity(c, 1, 1);
                var first = TermArgument(args[0]);
                return new FirstObtained(DisplayName(first), ResolveTargets(first, args[0].Offset), FirstObtainedWindow.DocumentValidity);
            case "first_obtained_in":
                Arity(c, 2, 2);
                var within = TermArgument(args[0]);
                var window = args[1] switch
                {
                    NameSyntax { Name: "this_year" } => FirstObtainedWindow.ThisYear,
                    NameSyntax { Name: "last_year" } => FirstObtainedWindow.LastYear,
                    _ => throw new ExpressionException(args[1].Offset, "first_obtained_in 的第二个参数应为 this_year 或 last_year"),
                };
                return new FirstObtained(DisplayName(within), ResolveTargets(within, args[0].Offset), window);
            default:
                throw new ExpressionException(c.Offset, $"未知的函数 {c.Function}（可用：min、max、if、between、floor、year、sum、count、any、all、holds、first_obtained、first_obtained_in、within_validity）");
        }
    }

    /// <summary>A document's own term as written; a certificate kind by its Chinese name.</summary>
    private string DisplayName(string written)
    {
        if (scope.Terms.ContainsKey(written)) return written;
        var parts = written.Split('@');
        return vocabulary.Certificates.TryGetValue(parts[0], out var kind)
            ? kind.Name + (parts.Length == 2 && vocabulary.Terms.CertificateLevels.Contains(parts[1]) ? $"（{vocabulary.Terms.CertificateLevels.Label(parts[1])}）" : "")
            : written;
    }

    private static string TermArgument(Syntax syntax) =>
        syntax is StringSyntax s ? s.Value : throw new ExpressionException(syntax.Offset, "此处应为带引号的名称，如 holds(\"专精特新企业\")");

    private static void Arity(CallSyntax c, int min, int max)
    {
        if (c.Arguments.Count < min || c.Arguments.Count > max)
            throw new ExpressionException(c.Offset, $"{c.Function} 的参数个数不对：给了 {c.Arguments.Count} 个");
    }

    private FactDefinition FindFact(string name, int offset)
    {
        if (vocabulary.Facts.TryGetValue(name, out var fact)) return fact;
        var near = vocabulary.Facts.Keys.Where(k => k.Contains(name, StringComparison.Ordinal) || name.Contains(k, StringComparison.Ordinal)).Take(3).ToArray();
        throw new ExpressionException(offset, $"未知的事实 \"{name}\"" + (near.Length > 0 ? $"（是否指 {string.Join("、", near)}？）" : "（事实须在 catalog/vocabulary/facts/ 中声明）"));
    }

    private static void Require(Node node, ExprType type, int offset, string what)
    {
        if (node.Type != type && !(node.Type == ExprType.Null && type != ExprType.Bool))
            throw new ExpressionException(offset, $"{what}应为{Describe(type)}，实际是{Describe(node.Type)}");
    }

    public static string Describe(ExprType type) => type switch
    {
        ExprType.Number => "数值",
        ExprType.Bool => "真假判断",
        ExprType.Text => "文字",
        ExprType.Date => "日期",
        ExprType.List => "列表",
        ExprType.Record => "列表项",
        _ => "空值",
    };
}
