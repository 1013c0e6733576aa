using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Srdi.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PolicySearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PolicyTexts",
                columns: table => new
                {
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    MeasureId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DocumentId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DocumentTitle = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyTexts", x => x.Position);
                });

            migrationBuilder.CreateTable(
                name: "PolicyTextSets",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Measures = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyTextSets", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PolicyTexts_MeasureId",
                table: "PolicyTexts",
                column: "MeasureId",
                unique: true);
            // The full-text parts EF does not model: keep these lines when regenerating.
            foreach (var sql in Srdi.Storage.Database.PolicySearchSql.SqliteUp) migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in Srdi.Storage.Database.PolicySearchSql.SqliteDown) migrationBuilder.Sql(sql);
            migrationBuilder.DropTable(
                name: "PolicyTexts");

            migrationBuilder.DropTable(
                name: "PolicyTextSets");
        }
    }
}
