package io.llmtraces.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatementsTest {
  @Test
  void splitsAtSemicolonsOutsideQuotesAndComments() {
    assertThat(Statements.split("SELECT 1; SELECT 'a;b' AS `x;y`;\n-- a comment; still a comment\nSELECT \"c;\" "))
        .containsExactly("SELECT 1", "SELECT 'a;b' AS `x;y`", "SELECT \"c;\"");
  }

  @Test
  void keepsAStatementOpenAcrossLines() {
    Statements s = new Statements();
    assertThat(s.add("SELECT *\n")).isEmpty();
    assertThat(s.add("FROM spans -- the table;\n")).isEmpty();
    assertThat(s.rest()).isEqualTo("SELECT *\nFROM spans");
    assertThat(s.add("WHERE name = 'it''s';  SELECT 2;\n")).containsExactly("SELECT *\nFROM spans \nWHERE name = 'it''s'", "SELECT 2");
    assertThat(s.rest()).isEmpty();
  }

  @Test
  void optionsTakeTheJobsCatalogSettings() {
    SqlOptions o = SqlOptions.parse("--catalog-type", "rest", "--catalog-uri", "http://catalog:8181",
        "--warehouse", "s3://bucket/warehouse", "--catalog.property.io-impl", "org.apache.iceberg.aws.s3.S3FileIO", "-e", "SELECT 1");
    assertThat(o.catalog().implementation()).isEqualTo("org.apache.iceberg.rest.RESTCatalog");
    assertThat(o.catalog().catalogProperties()).containsEntry("io-impl", "org.apache.iceberg.aws.s3.S3FileIO")
        .containsEntry("uri", "http://catalog:8181");
    assertThat(o.statements()).isEqualTo("SELECT 1");
    assertThat(o.timeZone()).isEqualTo("UTC");
    assertThat(SqlOptions.parse("--data-dir", "/srv/data").catalog().warehouse()).isEqualTo("/srv/data/warehouse");
    assertThatThrownBy(() -> SqlOptions.parse("--nope", "x")).hasMessageContaining("unknown option --nope");
  }

  @Test
  void theCatalogDdlQuotesValues() {
    String ddl = SqlSession.createCatalog(SqlOptions.parse("--warehouse", "/tmp/it's").catalog());
    assertThat(ddl).isEqualTo("CREATE CATALOG llm_traces_catalog WITH ('catalog-impl' = 'org.apache.iceberg.hadoop.HadoopCatalog',"
        + " 'type' = 'iceberg', 'warehouse' = '/tmp/it''s')");
  }
}
