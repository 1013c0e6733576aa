using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Srdi.Application.Profiles;
using Srdi.Engine.Runtime;
using Srdi.Model.Profiles;
using Srdi.Model.Vocabulary;

namespace Srdi.Application.Rosters;

/// <summary>A rejected roster row: its number as the user sees it, the field, what was wrong.</summary>
public sealed record RowProblem(long Row, string Field, string Problem);

/// <summary>Fills a reusable <see cref="EnterpriseRecord"/> from one row of cells. Every problem of
/// the row is collected; a row with any problem is rejected whole, never half-evaluated.</summary>
public sealed class RowBinder(RosterColumn[] columns, CatalogVocabulary vocabulary, Vocabulary.Wording wording)
{
    private readonly string[] _kinds = vocabulary.Certificates.Keys.ToArray();
    private readonly string?[,] _certificates = new string?[vocabulary.Certificates.Count, 4];
    private readonly bool[] _hasCertificate = new bool[vocabulary.Certificates.Count];
    private readonly int[] _columnKind = columns.Select(c => c.Certificate is null ? -1 : Array.IndexOf(vocabulary.Certificates.Keys.ToArray(), c.Certificate)).ToArray();

    public RosterColumn[] Columns => columns;

    /// <returns>true when the row is good and the record holds it.</returns>
    public bool Bind(IReadOnlyList<string?> cells, long row, EnterpriseRecord record, List<RowProblem> problems)
    {
        record.Clear();
        Array.Clear(_hasCertificate);
        var before = problems.Count;
        string? province = null, city = null, district = null;
        DateOnly? since = null;
        if (cells.Count > columns.Length)
            problems.Add(new RowProblem(row, string.Create(CultureInfo.InvariantCulture, $"第 {columns.Length + 1} 列"), string.Create(CultureInfo.InvariantCulture, $"该行有 {cells.Count} 列，多于表头的 {columns.Length} 列")));
        for (var i = 0; i < columns.Length && i < cells.Count; i++)
        {
            var cell = cells[i];
            if (string.IsNullOrWhiteSpace(cell)) continue;
            var column = columns[i];
            if (column.Kind is ColumnKind.Id or ColumnKind.Name or ColumnKind.Province or ColumnKind.City or ColumnKind.District
                && cell.Length > ProfileReader.MaxTextLength && cell.Trim().Length > ProfileReader.MaxTextLength)
            {
                problems.Add(new RowProblem(row, column.Header, string.Create(CultureInfo.InvariantCulture, $"文字过长（{cell.Trim().Length:N0} 个字符，上限 {ProfileReader.MaxTextLength}）：{CellValues.Clip(cell.Trim())}")));
                continue;
            }
            switch (column.Kind)
            {
                case ColumnKind.Id: record.Id = cell.Trim(); break;
                case ColumnKind.Name: record.Name = cell.Trim(); break;
                case ColumnKind.Province: province = cell.Trim(); break;
                case ColumnKind.City: city = cell.Trim(); break;
                case ColumnKind.District: district = cell.Trim(); break;
                case ColumnKind.Since:
                    if (CellValues.TryDate(cell, out var d)) since = d;
                    else problems.Add(new RowProblem(row, column.Header, $"应为日期 YYYY-MM-DD（1900-01-01 至 2200-12-31），实际为 \"{CellValues.Clip(cell)}\""));
                    break;
                case ColumnKind.CertificateIssued: Certificate(i, 0, cell); break;
                case ColumnKind.CertificateExpires: Certificate(i, 1, cell); break;
                case ColumnKind.CertificateLevel: Certificate(i, 2, cell); break;
                case ColumnKind.CertificateRenewal: Certificate(i, 3, cell); break;
                case ColumnKind.Fact: BindFact(column, cell, row, record, problems); break;
            }
        }
        if (string.IsNullOrWhiteSpace(record.Id)) problems.Add(new RowProblem(row, "企业标识", "缺少企业标识"));
        if (vocabulary.Areas.Check(province, city, district) is { } area)
            problems.Add(new RowProblem(row, area.Field switch { "province" => "省份", "city" => "城市", _ => "区县" }, area.Problem));
        record.Area = province is null && city is null && district is null && since is null ? null : new EnterpriseArea(province, city, district, since);
        for (var k = 0; k < _kinds.Length; k++)
            if (_hasCertificate[k])
                AddCertificate(_kinds[k], (_certificates[k, 0], _certificates[k, 1], _certificates[k, 2], _certificates[k, 3]), row, record, problems);
        return problems.Count == before;
    }

    private void Certificate(int column, int field, string cell)
    {
        var kind = _columnKind[column];
        if (!_hasCertificate[kind])
        {
            _hasCertificate[kind] = true;
            for (var f = 0; f < 4; f++) _certificates[kind, f] = null;
        }
        _certificates[kind, field] = cell;
    }

    private void AddCertificate(string kindId, (string? Issued, string? Expires, string? Level, string? Renewal) c, long row, EnterpriseRecord record, List<RowProblem> problems)
    {
        var kind = vocabulary.Certificates[kindId];
        var field = $"{kind.Name}认定日期";
        if (c.Issued is null)
        {
            problems.Add(new RowProblem(row, field, "填写了该证书的其他栏目，但缺少认定日期"));
            return;
        }
        if (!CellValues.TryDate(c.Issued, out var issued))
        {
            problems.Add(new RowProblem(row, field, $"应为日期 YYYY-MM-DD（1900-01-01 至 2200-12-31），实际为 \"{CellValues.Clip(c.Issued)}\""));
            return;
        }
        var expires = kind.ExpiryFor(issued);
        if (c.Expires is not null && !CellValues.TryDate(c.Expires, out expires))
        {
            problems.Add(new RowProblem(row, $"{kind.Name}有效期至", $"应为日期 YYYY-MM-DD（1900-01-01 至 2200-12-31），实际为 \"{CellValues.Clip(c.Expires)}\""));
            return;
        }
        if (expires < issued)
        {
            problems.Add(new RowProblem(row, $"{kind.Name}有效期至", string.Create(CultureInfo.InvariantCulture, $"有效期截止日 {expires:yyyy-MM-dd} 早于认定日期 {issued:yyyy-MM-dd}")));
            return;
        }
        var level = kind.DefaultLevel;
        if (c.Level is not null)
        {
            if (!wording.TryLevel(c.Level, out var parsed) || !kind.Levels.Contains(parsed))
            {
                problems.Add(new RowProblem(row, $"{kind.Name}认定级别", $"\"{CellValues.Clip(c.Level)}\" 不是该证书的级别（可用：{string.Join("、", kind.Levels.Select(wording.Level))}）"));
                return;
            }
            level = parsed;
        }
        var renewal = false;
        if (c.Renewal is not null && !CellValues.TryBool(c.Renewal, out renewal))
        {
            problems.Add(new RowProblem(row, $"{kind.Name}是否复核", $"应为 是/否，实际为 \"{CellValues.Clip(c.Renewal)}\""));
            return;
        }
        record.AddCertificate(new Certificate(kindId, level, null, issued, expires, renewal));
    }

    private static void BindFact(RosterColumn column, string cell, long row, EnterpriseRecord record, List<RowProblem> problems)
    {
        var fact = column.Fact!;
        object value;
        if (fact.Type == FactType.List)
        {
            if (cell.Trim() == "[]") value = EmptyList;
            else try
            {
                value = ProfileReader.ReadValue(fact, cell, "$");
            }
            catch (JsonException)
            {
                problems.Add(new RowProblem(row, column.Header, $"应为 JSON 数组，每项包含 {string.Join("、", fact.Fields.Select(f => f.Name))}"));
                return;
            }
            catch (ProfileException e)
            {
                problems.Add(new RowProblem(row, column.Header, e.Message));
                return;
            }
        }
        else
        {
            if (!CellValues.TrySet(fact, cell, new EnterpriseRecordTarget(record, column.Slot, column.Year), out var error))
                problems.Add(new RowProblem(row, column.Header, error));
            return;
        }
        if (column.Year is { } year) record.SetYear(column.Slot, year, value);
        else record.Set(column.Slot, value);
    }

    private static readonly IReadOnlyList<FactItem> EmptyList = [];
}
