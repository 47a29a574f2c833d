package dev.authrag.bootstrap.database;

import dev.authrag.bootstrap.database.DatabaseUrl.InvalidDatabaseUrlException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUrlTest {

    private static final String NEON = "postgresql://alex:AbC123dEf@ep-cool-darkness-123456-pooler.us-east-2.aws.neon.tech"
            + "/dbname?sslmode=require&channel_binding=require";

    @Test
    void parse_ofNeonPooledUrl_keepsSslModeAndRenamesChannelBinding() {
        DatabaseUrl url = DatabaseUrl.parse("DATABASE_URL", NEON);

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://ep-cool-darkness-123456-pooler.us-east-2.aws.neon.tech:5432"
                + "/dbname?sslmode=require&channelBinding=require");
        assertThat(url.user()).isEqualTo("alex");
        assertThat(url.passwordValue()).contains("AbC123dEf");
        assertThat(url.host()).isEqualTo("ep-cool-darkness-123456-pooler.us-east-2.aws.neon.tech");
        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.database()).isEqualTo("dbname");
        assertThat(url.variable()).isEqualTo("DATABASE_URL");
    }

    @Test
    void parse_ofManyParameters_keepsTheirOrder() {
        DatabaseUrl url = DatabaseUrl.parse("DATABASE_URL",
                "postgresql://u@h/db?sslmode=verify-full&application_name=authrag&connect_timeout=5&channel_binding=require");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db"
                + "?sslmode=verify-full&ApplicationName=authrag&connectTimeout=5&channelBinding=require");
    }

    @Test
    void parse_ofPostgresScheme_isAcceptedLikePostgresql() {
        DatabaseUrl url = DatabaseUrl.parse("DATABASE_URL", "postgres://app:pw@db.example.com/app");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5432/app");
        assertThat(url.user()).isEqualTo("app");
        assertThat(url.passwordValue()).contains("pw");
    }

    @Test
    void parse_withExplicitPort_keepsThePort() {
        DatabaseUrl url = DatabaseUrl.parse("DATABASE_URL", "postgresql://app:pw@db.example.com:6543/app");

        assertThat(url.port()).isEqualTo(6543);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/app");
        assertThat(url.describe()).isEqualTo("db.example.com:6543/app");
    }

    @Test
    void parse_ofPercentEncodedPassword_decodesAtColonAndPlus() {
        DatabaseUrl url = DatabaseUrl.parse("DATABASE_URL", "postgresql://app:p%40ss%3Aw%2Bd@db.example.com/app");

        assertThat(url.user()).isEqualTo("app");
        assertThat(url.passwordValue()).contains("p@ss:w+d");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5432/app");
    }

    @Test
    void parse_ofLiteralPlusInPassword_keepsThePlus() {
        DatabaseUrl url = DatabaseUrl.parse("DATABASE_URL", "postgresql://app:a+b@db.example.com/app");

        assertThat(url.passwordValue()).contains("a+b");
    }

    @Test
    void parse_ofJdbcUrlWithCredentialParameters_takesThemOutOfTheJdbcUrl() {
        DatabaseUrl url = DatabaseUrl.parse("DATABASE_URL", "jdbc:postgresql://host:5433/db?user=u&password=p");

        assertThat(url.user()).isEqualTo("u");
        assertThat(url.passwordValue()).contains("p");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5433/db");
        assertThat(url.parameters()).doesNotContainKeys("user", "password");
    }

    @Test
    void parse_withoutPassword_hasNone() {
        DatabaseUrl url = DatabaseUrl.parse("DATABASE_URL", "postgresql://postgres@localhost/authrag");

        assertThat(url.user()).isEqualTo("postgres");
        assertThat(url.passwordValue()).isEmpty();
    }

    @Test
    void parse_ofIpv6Host_keepsTheBracketsInTheJdbcUrl() {
        DatabaseUrl url = DatabaseUrl.parse("DATABASE_URL", "postgresql://app:pw@[::1]:5433/app");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/app");
        assertThat(url.describe()).isEqualTo("[::1]:5433/app");
    }

    @Test
    void jdbcUrlFor_postgres_pointsTheSameServerAtTheMaintenanceDatabase() {
        DatabaseUrl url = DatabaseUrl.parse("DATABASE_URL", NEON);

        assertThat(url.jdbcUrlFor("postgres")).isEqualTo("jdbc:postgresql://ep-cool-darkness-123456-pooler.us-east-2.aws.neon.tech:5432"
                + "/postgres?sslmode=require&channelBinding=require");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "postgresql://alex:secretpw@/dbname",               // no host
            "postgresql://alex:secretpw@db.example.com",         // no database
            "postgresql://alex:secretpw@db.example.com/",        // no database
            "mysql://alex:secretpw@db.example.com/dbname",       // wrong scheme
            "jdbc:mysql://alex:secretpw@db.example.com/dbname",  // wrong scheme
            "postgresql://alex:secret pw secretpw@db.example.com/dbname", // not a URL
            "postgresql://alex:secretpw@db.example.com/a/b",     // a path, not a database
            "secretpw",                                          // garbage
            "   ",
            ""})
    void parse_ofAnUnusableValue_namesTheVariableButNeverThePassword(String value) {
        assertThatThrownBy(() -> DatabaseUrl.parse("DATABASE_URL", value))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageContaining("DATABASE_URL")
                .hasMessageNotContaining("secretpw")
                .hasMessageNotContaining("secret pw");
    }

    @Test
    void parse_ofNull_namesTheVariable() {
        assertThatThrownBy(() -> DatabaseUrl.parse("DATABASE_MIGRATION_URL", null))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageContaining("DATABASE_MIGRATION_URL");
    }

    @Test
    void toStringAndDescribe_neverShowThePassword() {
        DatabaseUrl url = DatabaseUrl.parse("DATABASE_URL", "postgresql://alex:secretpw@db.example.com:5433/app?sslmode=require");

        assertThat(url.toString()).doesNotContain("secretpw").contains("DATABASE_URL").contains("db.example.com:5433/app");
        assertThat(url.describe()).doesNotContain("secretpw").isEqualTo("db.example.com:5433/app");
        assertThat(url.jdbcUrl()).doesNotContain("secretpw");
    }
}
