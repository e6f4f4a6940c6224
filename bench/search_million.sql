-- Usage (PostgreSQL; on a copy, it changes every article's times):
--   createdb -T archive100k archive1m   # a database made with generate_archive --count 100000
--   psql archive1m -f bench/search_million.sql
--   DATABASE_URL=postgres://…/archive1m PAGE_CACHE_SECONDS=0 python bench/search.py speed
--
-- An archive of 1,000,000 from one of 100,000 made by generate_archive: nine
-- copies of its articles (new ids, slugs and translation keys) with their
-- bylines and index rows; the copies' ids grow with their time, as
-- generate_archive's do: the original is moved 90 years back, and copy k
-- (1-9) is 10 × k years newer than that (copy 9 has the original's times).
\timing on
SET maintenance_work_mem = '1GB';
SET session_replication_role = replica;  -- no foreign key checks for the copies
UPDATE articles_article SET publish_at = publish_at - interval '90 years', updated_at = updated_at - interval '90 years',
  created_at = created_at - interval '90 years', modified_at = modified_at - interval '90 years';
DROP INDEX search_index_document;
DROP INDEX search_index_words;
INSERT INTO articles_article (id, translation_key, language, headline, slug, standfirst, body, excerpt, status, publish_at, updated_at, created_at, modified_at, created_by_id, section_id, version, lead_image_id, kicker, seo_description, seo_title, social_headline, social_image_id, breaking_until)
SELECT id + k * 100000, gen_random_uuid(), language, headline, slug || '-' || k, standfirst, body, excerpt, status,
       publish_at + k * interval '10 years', updated_at + k * interval '10 years', created_at + k * interval '10 years', modified_at + k * interval '10 years',
       created_by_id, section_id, version, lead_image_id, kicker, seo_description, seo_title, social_headline, social_image_id, NULL
FROM articles_article a, generate_series(1, 9) k WHERE a.id <= 100000;
INSERT INTO articles_articleauthor (position, article_id, author_id)
SELECT position, article_id + k * 100000, author_id FROM articles_articleauthor, generate_series(1, 9) k WHERE article_id <= 100000;
INSERT INTO search_index (article_id, document, words)
SELECT article_id + k * 100000, document, words FROM search_index, generate_series(1, 9) k WHERE article_id <= 100000;
SELECT setval(pg_get_serial_sequence('articles_article', 'id'), (SELECT max(id) FROM articles_article));
SELECT setval(pg_get_serial_sequence('articles_articleauthor', 'id'), (SELECT max(id) FROM articles_articleauthor));
SET session_replication_role = origin;
CREATE INDEX search_index_document ON search_index USING gin (document);
CREATE INDEX search_index_words ON search_index USING gin (words);
VACUUM ANALYZE;
