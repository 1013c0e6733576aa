using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Srdi.Model.Vocabulary;

namespace Srdi.Application.Profiles;

/// <summary>The profile format as a JSON Schema (draft 2020-12), generated from the vocabulary so
/// that it never drifts from what <see cref="ProfileReader"/> accepts.</summary>
public static class ProfileSchema
{
    public static string Generate(CatalogVocabulary vocabulary)
    {
        var date = new JsonObject { ["type"] = "string", ["pattern"] = "^\\d{4}-\\d{2}-\\d{2}$" };
        var certificate = new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = new JsonArray("kind", "issued_on"),
            ["properties"] = new JsonObject
            {
                ["kind"] = new JsonObject { ["enum"] = new JsonArray(vocabulary.Certificates.Keys.Order(StringComparer.Ordinal).Select(k => (JsonNode)k).ToArray()) },
                ["level"] = new JsonObject { ["enum"] = new JsonArray(Codes.All<CertificateLevel>().Select(c => (JsonNode)c).ToArray()) },
                ["issuer"] = new JsonObject { ["type"] = "string" },
                ["issued_on"] = date.DeepClone(),
                ["expires_on"] = date.DeepClone(),
                ["renewal"] = new JsonObject { ["type"] = "boolean" },
            },
        };
        var facts = new JsonObject();
        foreach (var fact in vocabulary.Facts.Values.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var value = Value(fact.Type, fact.Choices, fact.Fields);
            var schema = fact.Yearly
                ? new JsonObject
                {
                    ["type"] = "object",
                    ["propertyNames"] = new JsonObject { ["pattern"] = "^\\d{4}$" },
                    ["additionalProperties"] = value,
                }
                : value;
            schema["description"] = fact.Label + (fact.Unit is null ? "" : $"（{fact.Unit}）") + (fact.Yearly ? "，按年度填写" : "");
            facts[fact.Name] = schema;
        }
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = "SRDI Navigator 企业档案",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = new JsonArray("id"),
            ["properties"] = new JsonObject
            {
                ["id"] = new JsonObject { ["type"] = "string", ["description"] = "企业标识（统一社会信用代码或名单中的编号）" },
                ["name"] = new JsonObject { ["type"] = "string" },
                ["area"] = new JsonObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = false,
                    ["properties"] = new JsonObject
                    {
                        ["province"] = new JsonObject { ["type"] = "string" },
                        ["city"] = new JsonObject { ["type"] = "string" },
                        ["district"] = new JsonObject { ["type"] = "string" },
                        ["since"] = date.DeepClone(),
                    },
                },
                ["certificates"] = new JsonObject { ["type"] = "array", ["items"] = certificate },
                ["facts"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = false, ["properties"] = facts },
            },
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static JsonObject Value(FactType type, IReadOnlyList<string> choices, IReadOnlyList<FieldDefinition> fields) => type switch
    {
        FactType.Money => new JsonObject
        {
            ["oneOf"] = new JsonArray(
                new JsonObject { ["type"] = "number", ["minimum"] = 0 },
                new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9.,]+(元|万|万元|亿|亿元)?$" }),
        },
        FactType.Rate => new JsonObject
        {
            ["oneOf"] = new JsonArray(
                new JsonObject { ["type"] = "number", ["minimum"] = 0, ["maximum"] = 1 },
                new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9.]+(%|‰)$" }),
        },
        FactType.Count => new JsonObject { ["type"] = "integer", ["minimum"] = 0 },
        FactType.Number => new JsonObject { ["type"] = "number" },
        FactType.Boolean => new JsonObject { ["type"] = "boolean" },
        FactType.Date => new JsonObject { ["type"] = "string", ["pattern"] = "^\\d{4}-\\d{2}-\\d{2}$" },
        FactType.Choice => new JsonObject { ["enum"] = new JsonArray(choices.Select(c => (JsonNode)c).ToArray()) },
        _ => new JsonObject
        {
            ["type"] = "array",
            ["items"] = new JsonObject
            {
                ["type"] = "object",
                ["additionalProperties"] = false,
                ["properties"] = new JsonObject(fields.Select(f => KeyValuePair.Create(f.Name, (JsonNode?)Value(f.Type, f.Choices, [])))),
            },
        },
    };
}
