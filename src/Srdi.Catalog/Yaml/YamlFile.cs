using System.Text;
using Srdi.Model.Sources;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Srdi.Catalog.Yaml;

/// <summary>Reads one YAML file into its node tree, keeping line numbers for every error.</summary>
internal static class YamlFile
{
    public static YamlMap LoadMap(string path, string displayPath) => ParseMap(Decode(ReadBytes(path, displayPath)), displayPath);

    public static byte[] ReadBytes(string path, string displayPath)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            throw new CatalogException(new SourceLocation(displayPath, 0, 0), $"无法读取文件：{e.Message}");
        }
    }

    /// <summary>The file's text as File.ReadAllText reads it: UTF-8 unless a byte order mark says otherwise.</summary>
    public static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    public static YamlMap ParseMap(string text, string displayPath)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new CatalogException(new SourceLocation(displayPath, (int)e.Start.Line, (int)e.Start.Column),
                $"YAML 语法错误：{(e.InnerException ?? e).Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new CatalogException(new SourceLocation(displayPath, 1, 1), "文件应为一个 YAML 映射（键: 值）");
        return new YamlMap(root, displayPath);
    }
}
