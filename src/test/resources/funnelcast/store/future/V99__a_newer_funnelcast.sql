-- A migration of a funnelcast newer than this one: the store's tests apply it to see the database refused.
CREATE TABLE from_the_future (id INTEGER);
